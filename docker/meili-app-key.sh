#!/bin/sh
# Creates (once) the Meilisearch API key the api and worker use, scoped to what they do, and writes its value to
# $KEY_FILE on a volume they mount read-only. Only this one-shot job and Meilisearch itself see the master key.
set -eu
MEILI_URL="${MEILI_URL:-http://meilisearch:7700}"
KEY_UID="${MEILI_APP_KEY_UID:-4f1b8d0e-6a2c-4c1e-9b7a-3d5e2f8a9c10}"
KEY_FILE="${KEY_FILE:-/run/techbridge/meili-app-key}"
AUTH="Authorization: Bearer ${MEILI_MASTER_KEY:?MEILI_MASTER_KEY is required}"

# The key's value is derived from its uid and the master key, so asking again returns the same key.
if ! body=$(curl -fsS -H "$AUTH" "$MEILI_URL/keys/$KEY_UID"); then
  body=$(curl -fsS -X POST -H "$AUTH" -H 'Content-Type: application/json' "$MEILI_URL/keys" --data "{
    \"uid\": \"$KEY_UID\",
    \"name\": \"techbridge-app\",
    \"description\": \"TechBridge api and worker: index settings, documents, search\",
    \"actions\": [\"search\", \"documents.*\", \"indexes.*\", \"settings.*\", \"tasks.get\", \"stats.get\"],
    \"indexes\": [\"*\"],
    \"expiresAt\": null
  }")
fi
key=$(printf '%s' "$body" | sed -n 's/.*"key" *: *"\([0-9a-f]\{64\}\)".*/\1/p')
if [ -z "$key" ]; then
  echo "meili-app-key: Meilisearch did not return the app key" >&2
  exit 1
fi
mkdir -p "$(dirname "$KEY_FILE")"
printf '%s' "$key" > "$KEY_FILE.tmp"
# The api and worker run as the image's `node` user (uid 1000).
chown 1000:1000 "$KEY_FILE.tmp"
chmod 0400 "$KEY_FILE.tmp"
mv "$KEY_FILE.tmp" "$KEY_FILE"
echo "meili-app-key: app key ready (uid $KEY_UID)"
