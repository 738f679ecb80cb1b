#!/bin/sh
# Writes slapd's configuration from the environment, loads bootstrap.ldif into an empty database
# (first start only: the data lives in the /var/lib/ldap volume), then runs slapd in the foreground.
# The SLAPD_* variables only serve LdapEntrypointIT, which runs this script outside a container.
set -eu
: "${LDAP_BASE_DN:=dc=uliege,dc=be}"
: "${LDAP_ADMIN_PASSWORD:?set LDAP_ADMIN_PASSWORD (the directory root account, for the operator only)}"
: "${LDAP_SERVICE_PASSWORD:?set LDAP_SERVICE_PASSWORD (the application's service account)}"
templates=${SLAPD_TEMPLATES:-/etc/ldap/templates}
conf_dir=${SLAPD_CONF_DIR:-/etc/ldap}
data_dir=${SLAPD_DATA_DIR:-/var/lib/ldap}
run_dir=${SLAPD_RUN_DIR:-/run/slapd}
urls=${SLAPD_URLS:-ldap:/// ldapi:///}
user=${SLAPD_USER-openldap}

dc=$(printf '%s' "$LDAP_BASE_DN" | sed -n 's/^dc=\([^,]*\).*$/\1/p')
if [ -z "$dc" ]; then
  echo "LDAP_BASE_DN must start with dc= (e.g. dc=uliege,dc=be): $LDAP_BASE_DN" >&2
  exit 1
fi
admin_hash=$(slappasswd -h '{SSHA}' -s "$LDAP_ADMIN_PASSWORD")
service_hash=$(slappasswd -h '{SSHA}' -s "$LDAP_SERVICE_PASSWORD")
fill() {
  sed -e "s|@BASE_DN@|$LDAP_BASE_DN|g" -e "s|@DC@|$dc|g" \
      -e "s|@CONF_DIR@|$conf_dir|g" -e "s|@DATA_DIR@|$data_dir|g" -e "s|@RUN_DIR@|$run_dir|g" \
      -e "s|@ADMIN_PASSWORD_HASH@|$admin_hash|g" -e "s|@SERVICE_PASSWORD_HASH@|$service_hash|g" "$1"
}

mkdir -p "$conf_dir" "$data_dir" "$run_dir"
umask 077
fill "$templates/slapd.conf" > "$conf_dir/slapd.conf"
fill "$templates/access.conf" > "$conf_dir/access.conf"

if [ -z "$(ls -A "$data_dir")" ]; then
  echo "Empty directory: loading bootstrap.ldif under $LDAP_BASE_DN"
  fill "$templates/bootstrap.ldif" | slapadd -f "$conf_dir/slapd.conf"
fi

if [ -n "$user" ]; then
  chown "$user:$user" "$conf_dir/slapd.conf" "$conf_dir/access.conf"
  chown -R "$user:$user" "$data_dir" "$run_dir"
  exec slapd -d none -f "$conf_dir/slapd.conf" -h "$urls" -u "$user" -g "$user"
fi
exec slapd -d none -f "$conf_dir/slapd.conf" -h "$urls"
