#!/usr/bin/env bash
# The README's test command. On a fresh Debian/Ubuntu machine with the .NET SDK it first installs what
# the suites need (.ci/install: postgresql, chromium, fonts, npm and the npm packages; apt-get asks for
# root, through sudo when needed), then runs every test. Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")"
.ci/install
dotnet test Site.sln "$@"
