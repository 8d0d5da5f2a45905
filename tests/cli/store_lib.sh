# Sourced by the store tests (tests/cli/test_store*.sh): the backend under
# test comes from ALQ_STORE_BACKEND, `sqlite` (default) or `postgres` (the
# server at ALQ_TEST_PG, a libpq URI; exit 77 = skipped when it is unset or
# unreachable). Gives: new_db NAME (a fresh store: a file in $T, or a fresh
# PostgreSQL schema), sql DB QUERY (first value), store_cleanup.
ALQ_STORE_BACKEND=${ALQ_STORE_BACKEND:-sqlite}

if [ "$ALQ_STORE_BACKEND" = postgres ]; then
  if [ -z "${ALQ_TEST_PG:-}" ]; then
    echo "SKIP: ALQ_TEST_PG is not set (a postgresql:// URI; .ci/run starts a server:" \
         "sh scripts/pg-test-cluster.sh start)"
    exit 77
  fi
  if ! command -v psql >/dev/null 2>&1; then echo "SKIP: psql not found (apt-get install postgresql-client)"; exit 77; fi
  if ! psql "$ALQ_TEST_PG" -Atqc "SELECT 1" >/dev/null 2>&1; then
    echo "SKIP: PostgreSQL server at ALQ_TEST_PG=$ALQ_TEST_PG is unreachable"
    exit 77
  fi
fi

# new_db NAME: prints the --db value of a new, empty store
new_db() {
  if [ "$ALQ_STORE_BACKEND" = postgres ]; then
    schema="alq_t_$$_$1"
    schema=$(printf '%s' "$schema" | tr -c 'a-zA-Z0-9_' '_')
    psql "$ALQ_TEST_PG" -Atqc "DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema" >/dev/null 2>&1 ||
      { echo "FAIL - cannot create schema $schema" >&2; return 1; }
    case "$ALQ_TEST_PG" in *\?*) sep='&' ;; *) sep='?' ;; esac
    printf '%s%soptions=-csearch_path%%3D%s\n' "$ALQ_TEST_PG" "$sep" "$schema"
  else
    printf '%s/%s.db\n' "$T" "$1"
  fi
}

# sql DB QUERY: the first value of the first row
sql() {
  case "$1" in
  postgres://*|postgresql://*) psql "$1" -Atqc "$2" 2>/dev/null | head -n 1 ;;
  *) sqlite3 "$1" "$2" 2>/dev/null ||
       python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$1" "$2" ;;
  esac
}

store_cleanup() {
  # new_db runs in command substitutions (subshells): find this test's
  # schemas by their name prefix
  if [ "$ALQ_STORE_BACKEND" = postgres ]; then
    for s in $(psql "$ALQ_TEST_PG" -Atqc "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'alq\_t\_$$\_%'" 2>/dev/null); do
      psql "$ALQ_TEST_PG" -Atqc "DROP SCHEMA IF EXISTS $s CASCADE" >/dev/null 2>&1
    done
  fi
  rm -rf "$T"
}
