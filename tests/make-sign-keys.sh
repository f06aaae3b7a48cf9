#!/bin/sh
# Makes throwaway signing keys for the tests, with the openssl command:
#   make-sign-keys.sh DIR
# key.pem + cert.pem    a self-signed certificate of 函谷关镇人民政府 and its key
# chain.pem             cert.pem followed by a second certificate
# encrypted-key.pem     the same key, encrypted with the password in password.txt
# other-key.pem         a key that matches no certificate here
# ec-key.pem + ec-cert.pem   an elliptic-curve pair
set -eu
DIR=$1
rm -rf "$DIR"
mkdir -p "$DIR"
cd "$DIR"
openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 30 \
	-subj "/CN=函谷关镇人民政府" -utf8 2>/dev/null
printf '%s' '年报 口令-2024' >password.txt
openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem -out encrypted-key.pem \
	-passout file:password.txt
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out other-key.pem 2>/dev/null
openssl req -x509 -key other-key.pem -out other-cert.pem -days 30 -subj "/CN=Other" 2>/dev/null
cat cert.pem other-cert.pem >chain.pem
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ec-key.pem \
	-out ec-cert.pem -days 30 -subj "/CN=EC" 2>/dev/null
echo "keys in $DIR"
