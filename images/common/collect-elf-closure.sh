#!/bin/sh
# Runs in a Dockerfile's builder stage. Copies each named executable and every shared library it
# loads (as ldd reports them) into DEST under their canonical directories, keeping symlink chains,
# and writes a dpkg status.d record plus the copyright file for every package that owns a copied
# file, so scanners still see those packages in the final distroless image.
# Usage: collect-elf-closure.sh DEST EXECUTABLE... [-- FILE...]
# FILEs after "--" are copied (and their packages recorded) without looking for libraries.
set -eu
dest="$1"
shift
mkdir -p "$dest/var/lib/dpkg/status.d"
owners="$(mktemp)"

copy_chain() {
  # Copy a path, and when it is a symlink, what it points to, until a regular file.
  f="$1"
  while :; do
    given="$f"
    dir="$(readlink -f "$(dirname "$f")")"
    f="$dir/$(basename "$f")"
    mkdir -p "$dest$dir"
    cp -a "$f" "$dest$f"
    # dpkg knows a file by the path its package shipped, which on a merged-/usr system may be
    # the /lib form of a /usr/lib path: ask for each spelling.
    for p in "$given" "$f" "${f#/usr}"; do
      if dpkg -S "$p" >"$owners.one" 2>/dev/null; then
        cut -d: -f1 "$owners.one" | tr ',' '\n' >>"$owners"
        break
      fi
    done
    if [ -L "$f" ]; then
      target="$(readlink "$f")"
      case "$target" in
        /*) f="$target" ;;
        *) f="$dir/$target" ;;
      esac
    else
      break
    fi
  done
}

plain=0
for exe in "$@"; do
  if [ "$exe" = "--" ]; then
    plain=1
    continue
  fi
  copy_chain "$exe"
  [ "$plain" = 0 ] || continue
  ldd "$exe" | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' | sort -u >"$owners.libs"
  while read -r lib; do
    copy_chain "$lib"
  done <"$owners.libs"
done

sort -u "$owners" | sed 's/^ *//; s/ *$//' | while read -r pkg; do
  [ -n "$pkg" ] || continue
  name="${pkg%%:*}"
  dpkg-query -s "$pkg" >"$dest/var/lib/dpkg/status.d/$name"
  if [ -f "/usr/share/doc/$name/copyright" ]; then
    mkdir -p "$dest/usr/share/doc/$name"
    cp "/usr/share/doc/$name/copyright" "$dest/usr/share/doc/$name/copyright"
  fi
done
rm -f "$owners" "$owners.libs" "$owners.one"
