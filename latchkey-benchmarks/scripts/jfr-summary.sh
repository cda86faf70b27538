#!/usr/bin/env bash
# Summarise a JFR recording (from load.sh PROFILE=1, or JMH -prof jfr): where the CPU samples go.
#   latchkey-benchmarks/scripts/jfr-summary.sh <recording.jfr> [more.jfr...]
# Prints, per recording: the share of execution samples by library of the innermost recognised frame
# (self time), the share of samples with a given Latchkey/Spring method anywhere on the stack
# (inclusive time), GC pause totals, and JFR's own hot-methods view when a JDK 21+ jfr tool is there.
set -euo pipefail
JFR="${JFR:-jfr}"
JFR_VIEW="${JFR_VIEW:-$(ls -d /usr/lib/jvm/temurin-2[1-9]*/bin/jfr /usr/lib/jvm/*-2[1-9]-*/bin/jfr 2>/dev/null | head -1 || true)}"
for recording in "$@"; do
  echo "=== $recording"
  "$JFR" print --stack-depth 96 --events jdk.ExecutionSample "$recording" | awk '
    function self_category(frame) {
      if (frame ~ /bouncycastle/) return "Argon2 (Bouncy Castle)";
      if (frame ~ /com\.nimbusds/) return "JWT codec (Nimbus JOSE)";
      if (frame ~ /^(org\.h2|org\.postgresql|com\.zaxxer)/) return "database driver + pool (H2/pgjdbc/Hikari)";
      if (frame ~ /^org\.springframework\.(jdbc|transaction|dao)/) return "Spring JDBC + transactions";
      if (frame ~ /^(tools\.jackson|com\.fasterxml)/) return "JSON (Jackson)";
      if (frame ~ /^io\.micrometer/) return "Micrometer observations";
      if (frame ~ /^org\.springframework\.security/) return "Spring Security filter chain";
      if (frame ~ /^org\.springframework\.(web|http)/) return "Spring MVC";
      if (frame ~ /^org\.apache\.(coyote|tomcat|catalina)|^jakarta\.servlet/) return "Tomcat";
      if (frame ~ /^dev\.latchkey/) return "Latchkey code";
      if (frame ~ /^(javax\.crypto|sun\.security|com\.sun\.crypto)/) return "JDK crypto (HMAC/SHA)";
      return "";
    }
    /^jdk\.ExecutionSample/ { n++; depth = 0; cat = ""; delete seen; next }
    /^[ \t]+[a-zA-Z_$][^ ]*\(.*\)( line:.*)?$/ {
      frame = $1; depth++
      if (cat == "") cat = self_category(frame)
      for (k in marks) if (!(k in seen) && index(frame, marks[k]) == 1) { seen[k] = 1; inclusive[k]++ }
      next
    }
    /^}/ { if (n > 0) { if (cat == "") cat = "JDK / other"; self[cat]++ } ; next }
    BEGIN {
      marks["verify (TokenVerifier.check)"] = "dev.latchkey.token.TokenVerifier.check";
      marks["Nimbus decode (NimbusTokenCodec.decode)"] = "dev.latchkey.token.NimbusTokenCodec.decode";
      marks["sign (NimbusTokenCodec.encode)"] = "dev.latchkey.token.NimbusTokenCodec.encode";
      marks["request filter token work (JwtAuthenticationFilter.authenticate)"] = "dev.latchkey.web.JwtAuthenticationFilter.authenticate";
      marks["refresh transaction (TokenRefresher.refreshStored)"] = "dev.latchkey.token.TokenRefresher.refreshStored";
      marks["password check (DjangoPasswordEncoder.matches)"] = "dev.latchkey.password.DjangoPasswordEncoder.matches";
      marks["password hash (DjangoPasswordEncoder.encode)"] = "dev.latchkey.password.DjangoPasswordEncoder.encode";
      marks["start session (SessionStarter.start)"] = "dev.latchkey.token.SessionStarter.start";
      marks["JSON response writing (Jackson message converter)"] = "org.springframework.http.converter.AbstractJacksonHttpMessageConverter.writeInternal";
      marks["Micrometer observation filter and all after it"] = "org.springframework.web.filter.ServerHttpObservationFilter";
      marks["Spring Security chain and all after it"] = "org.springframework.security.web.FilterChainProxy.doFilter";
      marks["commit (DataSourceTransactionManager.doCommit)"] = "org.springframework.jdbc.datasource.DataSourceTransactionManager.doCommit";
    }
    END {
      printf "%d execution samples\n\nself time by library (innermost recognised frame):\n", n
      for (c in self) printf "  %5.1f%%  %s\n", 100 * self[c] / n, c | "sort -rn"
      close("sort -rn")
      printf "\ninclusive time (a sample counts if the method is anywhere on its stack):\n"
      for (k in inclusive) printf "  %5.1f%%  %s\n", 100 * inclusive[k] / n, k | "sort -rn"
      close("sort -rn")
    }'
  "$JFR" summary "$recording" | awk '/jdk.GarbageCollection /{print "\nGC: " $2 " collections"}'
  if [[ -n "$JFR_VIEW" ]]; then
    "$JFR_VIEW" view --width 160 gc-pauses "$recording" 2>/dev/null | grep -E 'Total Pause|Number of|Median|Maximum' | sed 's/^/  /' || true
    "$JFR_VIEW" view --width 160 hot-methods "$recording" 2>/dev/null | sed -n '4,16p' || true
  fi
  echo
done
