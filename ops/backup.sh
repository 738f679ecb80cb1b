#!/usr/bin/env bash
# Backs up what the application keeps: its MariaDB database and the directory's application branches
# (the patrons' accounts, the groups' members). README, "Backups".
#
#   ops/backup.sh DIRECTORY
#
# writes DIRECTORY/database.sql.gz (mariadb-dump, one consistent snapshot), patrons.ldif (every entry
# under the patrons' branch, passwords included), groups.ldif (each group's members) and backup.info.
# Reads the application's variables: DB_HOST (127.0.0.1), DB_PORT (3306), DB_NAME (patrons),
# DB_USERNAME, DB_PASSWORD, LDAP_URL, LDAP_BASE_DN (dc=uliege,dc=be), LDAP_PATRONS_DN, LDAP_GROUPS_DN,
# LDAP_BIND_DN, LDAP_BIND_PASSWORD (the service account can read all of it); MARIADB_BIN, the folder
# of mariadb-dump when it is not on the PATH; DB_CLIENT_OPTIONS, extra client options (e.g. --skip-ssl).
# Passwords go through files readable by the current user only, never on a command line.
set -euo pipefail

out=${1:?usage: ops/backup.sh DIRECTORY}
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_NAME=${DB_NAME:-patrons}
: "${DB_USERNAME:?set DB_USERNAME}" "${DB_PASSWORD?set DB_PASSWORD}"
: "${LDAP_URL:?set LDAP_URL}" "${LDAP_BIND_DN:?set LDAP_BIND_DN}" "${LDAP_BIND_PASSWORD:?set LDAP_BIND_PASSWORD}"
LDAP_BASE_DN=${LDAP_BASE_DN:-dc=uliege,dc=be}
patrons_dn=${LDAP_PATRONS_DN:-ou=patrons,$LDAP_BASE_DN}
groups_dn=${LDAP_GROUPS_DN:-ou=groups,$LDAP_BASE_DN}
bin=${MARIADB_BIN:+$MARIADB_BIN/}
read -r -a db_options <<< "${DB_CLIENT_OPTIONS:-}"

umask 077
mkdir -p "$out"
secrets=$(mktemp -d)
trap 'rm -rf "$secrets"' EXIT
escaped=${DB_PASSWORD//\\/\\\\}
printf '[client]\npassword="%s"\n' "${escaped//\"/\\\"}" > "$secrets/client.cnf"
printf '%s' "$LDAP_BIND_PASSWORD" > "$secrets/ldap"
ldap=(-x -LLL -o ldif-wrap=no -H "$LDAP_URL" -D "$LDAP_BIND_DN" -y "$secrets/ldap")

# One transaction: a consistent snapshot without locking the application out.
"${bin}mariadb-dump" --defaults-extra-file="$secrets/client.cnf" "${db_options[@]}" --protocol=TCP \
    -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USERNAME" --single-transaction --routines --triggers --hex-blob \
    --default-character-set=utf8mb4 "$DB_NAME" | gzip > "$out/database.sql.gz.part"
ldapsearch "${ldap[@]}" -b "$patrons_dn" -s one '(objectClass=*)' '*' > "$out/patrons.ldif.part"
ldapsearch "${ldap[@]}" -b "$groups_dn" -s one '(objectClass=groupOfNames)' member > "$out/groups.ldif.part"

for file in database.sql.gz patrons.ldif groups.ldif; do
  mv "$out/$file.part" "$out/$file"
done
{
  echo "taken: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "database: $DB_NAME on $DB_HOST:$DB_PORT"
  echo "patrons: $patrons_dn ($(grep -c '^dn' "$out/patrons.ldif" || true) entries)"
  echo "groups: $groups_dn ($(grep -c '^dn' "$out/groups.ldif" || true) groups)"
} > "$out/backup.info"
cat "$out/backup.info"
