#!/usr/bin/env bash
# Sign (when an identity is available), package and notarise (when credentials are available) ESG Desk.app
# into a .dmg. Run on macOS after `pyinstaller installer/esgdesk.spec` has made "dist/ESG Desk.app".
#
#   installer/macos/build_dmg.sh                      # → dist/ESG-Desk-<version>-macos-<arch>.dmg
#
# Environment (all optional; each missing piece is skipped with a notice, never an error):
#   MACOS_CERTIFICATE_P12_BASE64, MACOS_CERTIFICATE_PASSWORD
#                         a "Developer ID Application" certificate with its key, base64 of the .p12 export;
#                         imported into a temporary keychain that is deleted afterwards (CI)
#   MACOS_SIGNING_IDENTITY  e.g. "Developer ID Application: Example Org (ABCDE12345)"; without it the app is
#                         ad-hoc signed (runs on the build Mac; other Macs' Gatekeeper will refuse to open it
#                         with a double-click — right-click → Open works)
#   APPLE_API_KEY_ID, APPLE_API_ISSUER, APPLE_API_KEY_P8_BASE64
#                         an App Store Connect API key for notarytool (preferred), or
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD
#                         an Apple ID with an app-specific password
#
# Why a .dmg and never a zipped .app: Qt's frameworks inside the app are full of symlinks; zip tools that do
# not keep them duplicate the files, which breaks the code signature and makes notarisation fail.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

APP_NAME="ESG Desk"
APP="$ROOT/dist/$APP_NAME.app"
ENTITLEMENTS="$ROOT/installer/macos/entitlements.plist"
VERSION=$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
ARCH=$(uname -m)
DMG="$ROOT/dist/ESG-Desk-$VERSION-macos-$ARCH.dmg"
# GitHub Actions shows ::notice:: lines as annotations; in a terminal they read as they are.
notice() { echo "::notice::$*"; }

[ "$(uname -s)" = "Darwin" ] || { echo "build_dmg.sh runs on macOS only (hdiutil, codesign)" >&2; exit 2; }
[ -d "$APP" ] || { echo "$APP is missing: run pyinstaller installer/esgdesk.spec first" >&2; exit 2; }

# -- the signing identity --------------------------------------------------------------------------------------
KEYCHAIN=""
cleanup() {
  if [ -n "$KEYCHAIN" ]; then security delete-keychain "$KEYCHAIN" 2>/dev/null || true; fi
  rm -f "$ROOT/build/notary-key.p8"
}
trap cleanup EXIT

if [ -n "${MACOS_CERTIFICATE_P12_BASE64:-}" ]; then
  KEYCHAIN="$ROOT/build/esgdesk-signing.keychain-db"
  KEYCHAIN_PASSWORD=$(uuidgen)
  mkdir -p "$ROOT/build"
  echo "$MACOS_CERTIFICATE_P12_BASE64" | base64 --decode >"$ROOT/build/certificate.p12"
  security create-keychain -p "$KEYCHAIN_PASSWORD" "$KEYCHAIN"
  security set-keychain-settings -lut 3600 "$KEYCHAIN"
  security unlock-keychain -p "$KEYCHAIN_PASSWORD" "$KEYCHAIN"
  security import "$ROOT/build/certificate.p12" -k "$KEYCHAIN" -P "${MACOS_CERTIFICATE_PASSWORD:-}" \
    -T /usr/bin/codesign -T /usr/bin/security
  rm -f "$ROOT/build/certificate.p12"
  security set-key-partition-list -S apple-tool:,apple: -s -k "$KEYCHAIN_PASSWORD" "$KEYCHAIN" >/dev/null
  # codesign looks in the search list: put the temporary keychain first, keep the user's.
  security list-keychains -d user -s "$KEYCHAIN" $(security list-keychains -d user | tr -d '"')
fi

IDENTITY="${MACOS_SIGNING_IDENTITY:-}"
if [ -z "$IDENTITY" ]; then
  notice "MACOS_SIGNING_IDENTITY is not set: ad-hoc signing only, no notarisation. Other Macs will need right-click → Open."
  IDENTITY="-"
fi

# -- signing, inside out ---------------------------------------------------------------------------------------
# Every Mach-O file first (libraries, Python extensions, the two executables), then each framework, then the
# app. --deep is not used: Apple documents it as unreliable for nested code.
sign() {
  local options=(--force --sign "$IDENTITY")
  if [ "$IDENTITY" != "-" ]; then
    options+=(--options runtime --timestamp --entitlements "$ENTITLEMENTS")
  fi
  codesign "${options[@]}" "$1"
}
echo "signing $APP (identity: $IDENTITY)"
while IFS= read -r -d '' file; do
  if file -b "$file" | grep -q "Mach-O"; then sign "$file"; fi
done < <(find "$APP/Contents" -type f ! -path "*/_CodeSignature/*" -print0)
while IFS= read -r -d '' framework; do sign "$framework"; done < <(find "$APP/Contents" -type d -name "*.framework" -print0)
sign "$APP"
codesign --verify --strict --verbose=2 "$APP"

# -- the disk image --------------------------------------------------------------------------------------------
STAGING="$ROOT/build/dmg"
rm -rf "$STAGING" "$DMG"
mkdir -p "$STAGING"
# ditto keeps symlinks, extended attributes and the signature intact (cp -R would too; Finder-style zips do not).
ditto "$APP" "$STAGING/$APP_NAME.app"
ln -s /Applications "$STAGING/Applications"
hdiutil create -volname "$APP_NAME $VERSION" -srcfolder "$STAGING" -fs HFS+ -format UDZO -imagekey zlib-level=9 \
  -ov "$DMG"
rm -rf "$STAGING"
if [ "$IDENTITY" != "-" ]; then
  codesign --force --sign "$IDENTITY" --timestamp "$DMG"
fi

# -- notarisation ----------------------------------------------------------------------------------------------
if [ "$IDENTITY" = "-" ]; then
  notice "not notarised: the app is not signed with a Developer ID"
elif [ -n "${APPLE_API_KEY_ID:-}" ] && [ -n "${APPLE_API_ISSUER:-}" ] && [ -n "${APPLE_API_KEY_P8_BASE64:-}" ]; then
  echo "$APPLE_API_KEY_P8_BASE64" | base64 --decode >"$ROOT/build/notary-key.p8"
  xcrun notarytool submit "$DMG" --wait --timeout 30m \
    --key "$ROOT/build/notary-key.p8" --key-id "$APPLE_API_KEY_ID" --issuer "$APPLE_API_ISSUER"
  xcrun stapler staple "$DMG"
elif [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
  xcrun notarytool submit "$DMG" --wait --timeout 30m \
    --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" --password "$APPLE_APP_PASSWORD"
  xcrun stapler staple "$DMG"
else
  notice "not notarised: no App Store Connect API key (APPLE_API_KEY_*) or Apple ID (APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD)"
fi

if [ "$IDENTITY" != "-" ]; then
  spctl --assess --type open --context context:primary-signature --verbose "$DMG" || \
    notice "Gatekeeper does not accept the disk image yet (expected until it is notarised)"
fi
echo "$DMG ($(du -h "$DMG" | cut -f1))"
