#!/bin/sh
# Writes slapd's configuration from the environment, loads bootstrap.ldif into an empty database
# (first start only: the data lives in the /var/lib/ldap volume), then runs slapd in the foreground.
set -eu
: "${LDAP_BASE_DN:=dc=uliege,dc=be}"
: "${LDAP_ADMIN_PASSWORD:?set LDAP_ADMIN_PASSWORD (the directory root account, for the operator only)}"
: "${LDAP_SERVICE_PASSWORD:?set LDAP_SERVICE_PASSWORD (the application's service account)}"

dc=$(printf '%s' "$LDAP_BASE_DN" | sed -n 's/^dc=\([^,]*\).*$/\1/p')
if [ -z "$dc" ]; then
  echo "LDAP_BASE_DN must start with dc= (e.g. dc=uliege,dc=be): $LDAP_BASE_DN" >&2
  exit 1
fi
admin_hash=$(slappasswd -h '{SSHA}' -s "$LDAP_ADMIN_PASSWORD")
service_hash=$(slappasswd -h '{SSHA}' -s "$LDAP_SERVICE_PASSWORD")
fill() {
  sed -e "s|@BASE_DN@|$LDAP_BASE_DN|g" -e "s|@DC@|$dc|g" \
      -e "s|@ADMIN_PASSWORD_HASH@|$admin_hash|g" -e "s|@SERVICE_PASSWORD_HASH@|$service_hash|g" "$1"
}

umask 077
fill /etc/ldap/templates/slapd.conf > /etc/ldap/slapd.conf
fill /etc/ldap/templates/access.conf > /etc/ldap/access.conf
chown openldap:openldap /etc/ldap/slapd.conf /etc/ldap/access.conf

if [ -z "$(ls -A /var/lib/ldap)" ]; then
  echo "Empty directory: loading bootstrap.ldif under $LDAP_BASE_DN"
  fill /etc/ldap/templates/bootstrap.ldif | slapadd -f /etc/ldap/slapd.conf
fi
chown -R openldap:openldap /var/lib/ldap /run/slapd

exec slapd -d none -f /etc/ldap/slapd.conf -h "ldap:/// ldapi:///" -u openldap -g openldap
