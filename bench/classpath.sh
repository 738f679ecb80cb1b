# Sourced by the benchmark scripts: builds the project, compiles bench/java into
# target/bench-classes and sets $java_bin (a JDK >= 21) and $cp (the test class path).
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java_bin=$(command -v java)
if ! java -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  java_bin=$(ls -d /usr/lib/jvm/*/bin/java | while read -r j; do v=$("$j" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p'); [ "${v:-0}" -ge 21 ] && echo "$v $j"; done | sort -n | tail -1 | cut -d' ' -f2)
fi
cp="target/classes:target/test-classes:$(cat target/bench.classpath)"
# Compiled, not run as single source files: Spring must see the application's classes and the
# benchmark through one class loader.
mkdir -p target/bench-classes
# Sub-folders hold classes that must sit in an application package (package-private entry points).
"$(dirname "$java_bin")/javac" -d target/bench-classes -cp "$cp" $(find bench/java -name '*.java')
