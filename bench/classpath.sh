#!/usr/bin/env bash
# Builds distill-core (main + test classes) and prints the runtime classpath for bench mains.
set -euo pipefail
cd "$(dirname "$0")/.."
MVN_FLAGS="-q -B ${MVN_OFFLINE--o}"
./mvnw $MVN_FLAGS -pl distill-core test-compile >&2
if [ ! -s distill-core/target/bench.cp ] || [ distill-core/pom.xml -nt distill-core/target/bench.cp ]; then
  ./mvnw $MVN_FLAGS -pl distill-core dependency:build-classpath \
    -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >&2
fi
echo "distill-core/target/classes:distill-core/target/test-classes:$(cat distill-core/target/bench.cp)"
