#!/usr/bin/env bash
# Puts back what ops/backup.sh saved (README, "Backups"): stop the application first.
#
#   ops/restore.sh DIRECTORY
#
# The database: every table of the dump is dropped and recreated with its rows. The patrons' branch:
# emptied, then the backup's entries added. The groups: each group's members set to the backup's.
# Same variables as ops/backup.sh. The service account may rewrite the patrons' branch and the
# patrons' group only: to restore the role groups' members as well, set LDAP_BIND_DN and
# LDAP_BIND_PASSWORD to the directory's root account.
set -euo pipefail

in=${1:?usage: ops/restore.sh DIRECTORY}
for file in database.sql.gz patrons.ldif groups.ldif; do
  [ -f "$in/$file" ] || { echo "$in/$file is missing: not a backup made by ops/backup.sh" >&2; exit 1; }
done
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_NAME=${DB_NAME:-patrons}
: "${DB_USERNAME:?set DB_USERNAME}" "${DB_PASSWORD?set DB_PASSWORD}"
: "${LDAP_URL:?set LDAP_URL}" "${LDAP_BIND_DN:?set LDAP_BIND_DN}" "${LDAP_BIND_PASSWORD:?set LDAP_BIND_PASSWORD}"
LDAP_BASE_DN=${LDAP_BASE_DN:-dc=uliege,dc=be}
patrons_dn=${LDAP_PATRONS_DN:-ou=patrons,$LDAP_BASE_DN}
bin=${MARIADB_BIN:+$MARIADB_BIN/}
read -r -a db_options <<< "${DB_CLIENT_OPTIONS:-}"

umask 077
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
escaped=${DB_PASSWORD//\\/\\\\}
printf '[client]\npassword="%s"\n' "${escaped//\"/\\\"}" > "$work/client.cnf"
printf '%s' "$LDAP_BIND_PASSWORD" > "$work/ldap"
bind=(-x -H "$LDAP_URL" -D "$LDAP_BIND_DN" -y "$work/ldap")

gunzip -c "$in/database.sql.gz" | "${bin}mariadb" --defaults-extra-file="$work/client.cnf" "${db_options[@]}" \
    --protocol=TCP -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USERNAME" --default-character-set=utf8mb4 "$DB_NAME"
echo "database $DB_NAME restored"

# The patrons' branch as it is now (DNs in base64 when they are not plain ASCII), then emptied.
ldapsearch "${bind[@]}" -LLL -o ldif-wrap=no -b "$patrons_dn" -s one '(objectClass=*)' 1.1 > "$work/current.ldif"
while IFS= read -r line; do
  case $line in
    "dn:: "*) printf '%s\n' "${line#dn:: }" | base64 -d; echo ;;
    "dn: "*) printf '%s\n' "${line#dn: }" ;;
  esac
done < "$work/current.ldif" > "$work/current.dns"
if [ -s "$work/current.dns" ]; then
  ldapdelete "${bind[@]}" -f "$work/current.dns"
fi
if grep -q '^dn' "$in/patrons.ldif"; then
  ldapadd "${bind[@]}" -f "$in/patrons.ldif" > /dev/null
fi
echo "patrons' branch restored: $(grep -c '^dn' "$in/patrons.ldif" || true) entries"

# Each group's members replaced by the backup's.
awk '
  /^dn::? / { if (dn != "") flush(); dn = $0; n = 0; next }
  /^member::? / { members[++n] = $0; next }
  /^$/ { if (dn != "") flush(); dn = ""; next }
  function flush() {
    print dn; print "changetype: modify"; print "replace: member"
    for (i = 1; i <= n; i++) print members[i]
    print "-"; print ""
    n = 0
  }
  END { if (dn != "") flush() }
' "$in/groups.ldif" > "$work/groups.modify.ldif"
if [ -s "$work/groups.modify.ldif" ]; then
  ldapmodify "${bind[@]}" -f "$work/groups.modify.ldif" > /dev/null
fi
echo "groups' members restored: $(grep -c '^dn' "$in/groups.ldif" || true) groups"
