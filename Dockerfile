# Keyturn on Payara Micro, for a MySQL database. The image is built from the WAR, so build that first:
#
#   ./mvnw package
#   docker build -t keyturn .
#
# Run it as README.md shows ("Run with Docker against MySQL"): the database comes from the environment variables
# KEYTURN_DB_URL, KEYTURN_DB_USER and KEYTURN_DB_PASSWORD (MicroProfile Config reads them directly).
#
# Reviewed by reading, not built here (the build machine has no Docker engine). What this file relies on, from
# the official image's Dockerfile and entrypoint.sh at the tag payara-server-6.2025.10 (payara/Payara,
# appserver/extras/docker-images/micro; an Azul Zulu 21 base image for the -jdk21 tag):
#   - working directory and HOME_DIR /opt/payara, user "payara" (uid 1000), DEPLOY_DIR /opt/payara/deployments;
#   - ENTRYPOINT ["tini", "--", "/opt/payara/entrypoint.sh"], which runs
#       exec java -XX:MaxRAMPercentage=$MEM_MAX_RAM_PERCENTAGE -Xss$MEM_XSS -XX:+UseContainerSupport $JVM_ARGS \
#            -jar payara-micro.jar "$@"
#     with this image's CMD as "$@" (JVM_ARGS defaults to -Djdk.util.zip.disableZip64ExtraFieldValidation=true);
#   - the default CMD is ["--deploymentDir", "/opt/payara/deployments"]. The CMD below replaces it, so it repeats it.
#
# The JDK: 21, the newest JDK that Payara builds an official Payara Micro 6 image for (Azul Zulu 21); Keyturn's CI
# tests it (.ci/run's JDK 21 pass). JDK 25 is recommended (README, "Supported JDKs"), but Payara's image build for
# 6.2025.10 makes only the tags 6.2025.10 (JDK 11), 6.2025.10-jdk17 and 6.2025.10-jdk21; there is no -jdk25 image for
# Payara 6. This image makes no class-data sharing archive and no ahead-of-time cache: either must be written inside
# the image by the image's own JDK and payara-micro.jar (a RUN step doing what pom.xml's class-data-sharing-archive
# execution does), which cannot be tried without a Docker engine.
FROM payara/micro:6.2025.10-jdk21

# The WAR carries every library it needs beyond Jakarta EE and MicroProfile in WEB-INF/lib: Hibernate ORM, Flyway,
# jose4j, Bouncy Castle (Argon2), and both JDBC drivers (MySQL Connector/J and H2). No --addlibs, no driver in the image.
# Named ROOT.war, Payara Micro deploys it at the context root "/" (so the JWKS is at /.well-known/jwks.json).
COPY --chown=payara:payara target/keyturn.war /opt/payara/deployments/ROOT.war

# Sets keyturn.db.url/user for a MySQL host named "db" (environment variables override it); see
# server-config/payara/README.md.
COPY --chown=payara:payara server-config/payara/post-boot.asadmin /opt/payara/config/post-boot.asadmin
# Turns HTTP/2 off on the plain-http listener (a Payara 6.2025.10 defect; see the file).
COPY --chown=payara:payara server-config/payara/preboot.asadmin /opt/payara/config/preboot.asadmin
# No WADL from Payara's own OpenAPI application (see the file).
COPY --chown=payara:payara server-config/payara/system.properties /opt/payara/config/system.properties

# Heap: 50% of the container's memory limit; with `docker run --memory=1g` a 512 MB heap, as in the local run. The
# other half is for what the JVM holds beside the heap (class metadata, compiled code, the collector, threads: about
# 300 MB); Argon2's 19 MiB per password check in flight is in the heap, within its hashing budget. Give the
# container at least 768 MB: a heap below 256 MB cannot build the OpenAPI document (docs/operations.md, "Out of
# memory"). For a fixed heap instead, run with -e JVM_ARGS='-Xmx512m -Xmn320m -XX:+ExitOnOutOfMemoryError' (that
# replaces the JVM_ARGS below).
ENV MEM_MAX_RAM_PERCENTAGE=50.0
# The base image's JVM_ARGS plus -XX:+ExitOnOutOfMemoryError: after an OutOfMemoryError the JVM exits, so that the
# container's restart policy starts a sound one instead of one that answers while its timers (housekeeping, the
# signing keys' reload) may be dead (docs/operations.md, "Out of memory"). Keep it when you set JVM_ARGS yourself.
ENV JVM_ARGS="-Djdk.util.zip.disableZip64ExtraFieldValidation=true -XX:+ExitOnOutOfMemoryError"

# The official image already runs as "payara"; stated here so the image never runs as root by accident.
USER payara

EXPOSE 8080

# No HEALTHCHECK: the base image's contents (curl or wget) were not verified. Orchestrators should probe
#   GET http://<container>:8080/health/ready   (503 while the database is unreachable)
#   GET http://<container>:8080/health/live
# If the base image has curl, this would do:
# HEALTHCHECK --interval=30s --timeout=5s --start-period=90s CMD curl -fsS http://localhost:8080/health/ready || exit 1

# --nohazelcast: instances share nothing but the database, so Payara's clustering is off (and start-up faster).
CMD ["--deploymentDir", "/opt/payara/deployments", \
     "--nohazelcast", \
     "--prebootcommandfile", "/opt/payara/config/preboot.asadmin", \
     "--systemProperties", "/opt/payara/config/system.properties", \
     "--postbootcommandfile", "/opt/payara/config/post-boot.asadmin"]
