package dev.ruxo.rules.cdshooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the service runs: address, public URL, trusted issuers, limits, CORS, the feedback database. Build one with
 * {@link #builder()}, or read a JSON file with {@link #read(Path)} (docs/cds-hooks.md lists every field).
 *
 * @since 0.1.0
 */
public final class ServiceConfig {

    /** The order-select rules hidden by default: order details a draft order usually lacks. */
    public static final List<String> DEFAULT_ORDER_SELECT_HIDDEN = List.of("RUXO-DATA-QTY-MISSING");

    private final String host;
    private final int port;
    private final URI serviceUrl;
    private final boolean authDisabled;
    private final List<IssuerConfig> issuers;
    private final Set<String> tenants;
    private final Duration clockSkew;
    private final long bodyLimitBytes;
    private final Duration timeBudget;
    private final Duration fhirTimeout;
    private final List<String> corsOrigins;
    private final Path database;
    private final List<String> orderSelectHidden;
    private final int workers;

    private ServiceConfig(Builder b) {
        host = b.host;
        port = b.port;
        serviceUrl = b.serviceUrl;
        authDisabled = b.authDisabled;
        issuers = List.copyOf(b.issuers);
        tenants = Set.copyOf(b.tenants);
        clockSkew = b.clockSkew;
        bodyLimitBytes = b.bodyLimitBytes;
        timeBudget = b.timeBudget;
        fhirTimeout = b.fhirTimeout;
        corsOrigins = List.copyOf(b.corsOrigins);
        database = b.database;
        orderSelectHidden = List.copyOf(b.orderSelectHidden);
        workers = b.workers;
    }

    /** @return a builder with the defaults of docs/cds-hooks.md */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this configuration, to change some options */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.serviceUrl = serviceUrl;
        b.authDisabled = authDisabled;
        b.issuers.addAll(issuers);
        b.tenants.addAll(tenants);
        b.clockSkew = clockSkew;
        b.bodyLimitBytes = bodyLimitBytes;
        b.timeBudget = timeBudget;
        b.fhirTimeout = fhirTimeout;
        b.corsOrigins.addAll(corsOrigins);
        b.database = database;
        b.orderSelectHidden.clear();
        b.orderSelectHidden.addAll(orderSelectHidden);
        b.workers = workers;
        return b;
    }

    /**
     * Reads a configuration file (JSON). Unknown fields and bad values are errors, all listed at once.
     *
     * @param file the file
     * @return a builder holding the file's settings over the defaults, so that command-line options can follow
     * @throws InvalidConfigException when the file cannot be read or holds a bad value
     */
    public static Builder read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new InvalidConfigException(file, List.of("not JSON: line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()));
        } catch (IOException e) {
            throw new InvalidConfigException(file, List.of("cannot be read: " + e.getMessage()));
        }
        return new ConfigReader(file).read(root);
    }

    /** @return the address the service binds to; {@code 127.0.0.1} by default */
    public String host() {
        return host;
    }

    /** @return the port; 0 for any free port */
    public int port() {
        return port;
    }

    /**
     * The URL the EHR calls, which JWTs must name as their audience; by default {@code http://HOST:PORT} of the
     * running service.
     *
     * @return the configured URL, or null for the default
     */
    public URI serviceUrl() {
        return serviceUrl;
    }

    /** @return true when hook calls are not authenticated (local use only) */
    public boolean authDisabled() {
        return authDisabled;
    }

    /** @return the EHRs whose JWTs are accepted */
    public List<IssuerConfig> issuers() {
        return issuers;
    }

    /** @return the accepted {@code tenant} claims; empty to accept any (or none) */
    public Set<String> tenants() {
        return tenants;
    }

    /** @return the clock skew allowed on {@code exp} and {@code iat} */
    public Duration clockSkew() {
        return clockSkew;
    }

    /** @return the largest request body accepted */
    public long bodyLimitBytes() {
        return bodyLimitBytes;
    }

    /** @return the time within which every request is answered or fails */
    public Duration timeBudget() {
        return timeBudget;
    }

    /** @return the timeout of one FHIR fetch for a missing prefetch key */
    public Duration fhirTimeout() {
        return fhirTimeout;
    }

    /** @return the origins allowed by CORS; {@code *} for any; empty for no CORS headers */
    public List<String> corsOrigins() {
        return corsOrigins;
    }

    /** @return the feedback database file */
    public Path database() {
        return database;
    }

    /** @return the rule ids whose findings order-select does not show (order-sign shows them) */
    public List<String> orderSelectHidden() {
        return orderSelectHidden;
    }

    /** @return the number of threads that run checks */
    public int workers() {
        return workers;
    }

    /**
     * Whether {@link #host()} is a loopback address, the only place {@code --no-auth} is allowed.
     *
     * @return true for 127.0.0.0/8, ::1 and localhost
     */
    public boolean loopbackOnly() {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Builds a {@link ServiceConfig}; every setter checks its value. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private URI serviceUrl;
        private boolean authDisabled;
        private final List<IssuerConfig> issuers = new ArrayList<>();
        private final Set<String> tenants = new LinkedHashSet<>();
        private Duration clockSkew = Duration.ofSeconds(60);
        private long bodyLimitBytes = 1024 * 1024;
        private Duration timeBudget = Duration.ofSeconds(2);
        private Duration fhirTimeout = Duration.ofMillis(1500);
        private final List<String> corsOrigins = new ArrayList<>();
        private Path database = Path.of("ruxo-feedback.mv.db");
        private final List<String> orderSelectHidden = new ArrayList<>(DEFAULT_ORDER_SELECT_HIDDEN);
        private int workers = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

        private Builder() {
        }

        /**
         * @param host the address to bind to
         * @return this builder
         */
        public Builder host(String host) {
            Objects.requireNonNull(host, "host must not be null");
            if (host.isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
            this.host = host;
            return this;
        }

        /**
         * @param port 0 to 65535; 0 for any free port
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * @param serviceUrl the public base URL (JWT audience), without a trailing slash; null for the default
         * @return this builder
         */
        public Builder serviceUrl(URI serviceUrl) {
            if (serviceUrl != null) {
                IssuerConfig.requireHttp("serviceUrl", serviceUrl);
                String text = serviceUrl.toString();
                serviceUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            }
            this.serviceUrl = serviceUrl;
            return this;
        }

        /**
         * @param authDisabled true to accept unauthenticated hook calls; refused at start on a non-loopback host
         * @return this builder
         */
        public Builder authDisabled(boolean authDisabled) {
            this.authDisabled = authDisabled;
            return this;
        }

        /**
         * @param issuer a trusted EHR
         * @return this builder
         */
        public Builder addIssuer(IssuerConfig issuer) {
            issuers.add(Objects.requireNonNull(issuer, "issuer must not be null"));
            return this;
        }

        /**
         * @param tenant an accepted {@code tenant} claim; once any is added, tokens must carry one of them
         * @return this builder
         */
        public Builder addTenant(String tenant) {
            Objects.requireNonNull(tenant, "tenant must not be null");
            tenants.add(tenant);
            return this;
        }

        /**
         * @param clockSkew 0 to 5 minutes
         * @return this builder
         */
        public Builder clockSkew(Duration clockSkew) {
            this.clockSkew = within("clockSkew", clockSkew, Duration.ZERO, Duration.ofMinutes(5));
            return this;
        }

        /**
         * @param bodyLimitBytes 1 KiB to 64 MiB
         * @return this builder
         */
        public Builder bodyLimitBytes(long bodyLimitBytes) {
            if (bodyLimitBytes < 1024 || bodyLimitBytes > 64L * 1024 * 1024) {
                throw new IllegalArgumentException("bodyLimitBytes must be 1024 to 67108864, was " + bodyLimitBytes);
            }
            this.bodyLimitBytes = bodyLimitBytes;
            return this;
        }

        /**
         * @param timeBudget 50 ms to 60 s
         * @return this builder
         */
        public Builder timeBudget(Duration timeBudget) {
            this.timeBudget = within("timeBudget", timeBudget, Duration.ofMillis(50), Duration.ofSeconds(60));
            return this;
        }

        /**
         * @param fhirTimeout 10 ms to 60 s; a fetch never outlasts the time budget either
         * @return this builder
         */
        public Builder fhirTimeout(Duration fhirTimeout) {
            this.fhirTimeout = within("fhirTimeout", fhirTimeout, Duration.ofMillis(10), Duration.ofSeconds(60));
            return this;
        }

        /**
         * @param origin an origin allowed by CORS, such as {@code https://sandbox.cds-hooks.org}, or {@code *}
         * @return this builder
         */
        public Builder addCorsOrigin(String origin) {
            Objects.requireNonNull(origin, "origin must not be null");
            if (!origin.equals("*")) {
                IssuerConfig.requireHttp("corsOrigins", URI.create(origin));
            }
            corsOrigins.add(origin);
            return this;
        }

        /**
         * @param database the feedback database file (H2); H2 names it with {@code .mv.db} at the end
         * @return this builder
         */
        public Builder database(Path database) {
            this.database = Objects.requireNonNull(database, "database must not be null");
            return this;
        }

        /**
         * @param ruleIds the rules whose findings order-select hides; replaces the default list
         * @return this builder
         */
        public Builder orderSelectHidden(List<String> ruleIds) {
            orderSelectHidden.clear();
            orderSelectHidden.addAll(ruleIds);
            return this;
        }

        /**
         * @param workers 1 to 256 threads running checks
         * @return this builder
         */
        public Builder workers(int workers) {
            if (workers < 1 || workers > 256) {
                throw new IllegalArgumentException("workers must be 1 to 256, was " + workers);
            }
            this.workers = workers;
            return this;
        }

        /** @return the configuration */
        public ServiceConfig build() {
            return new ServiceConfig(this);
        }

        private static Duration within(String name, Duration value, Duration min, Duration max) {
            Objects.requireNonNull(value, name + " must not be null");
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException(name + " must be " + min.toMillis() + " to " + max.toMillis()
                        + " ms, was " + value.toMillis() + " ms");
            }
            return value;
        }
    }

    /** Turns a JSON configuration into builder calls, collecting every bad field. */
    private static final class ConfigReader {
        private final Path file;
        private final List<String> errors = new ArrayList<>();

        ConfigReader(Path file) {
            this.file = file;
        }

        Builder read(JsonNode root) {
            Builder b = builder();
            if (!root.isObject()) {
                throw new InvalidConfigException(file, List.of("must be a JSON object"));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = field.getKey();
                JsonNode v = field.getValue();
                try {
                    switch (name) {
                        case "host" -> b.host(text(name, v));
                        case "port" -> b.port(integer(name, v));
                        case "serviceUrl" -> b.serviceUrl(uri(name, v));
                        case "issuers" -> issuers(b, v);
                        case "tenants" -> strings(name, v).forEach(b::addTenant);
                        case "clockSkewSeconds" -> b.clockSkew(Duration.ofSeconds(integer(name, v)));
                        case "bodyLimitBytes" -> b.bodyLimitBytes(integer(name, v));
                        case "timeBudgetMillis" -> b.timeBudget(Duration.ofMillis(integer(name, v)));
                        case "fhirTimeoutMillis" -> b.fhirTimeout(Duration.ofMillis(integer(name, v)));
                        case "corsOrigins" -> strings(name, v).forEach(b::addCorsOrigin);
                        case "database" -> b.database(file.toAbsolutePath().getParent().resolve(text(name, v)));
                        case "orderSelectHidden" -> b.orderSelectHidden(strings(name, v));
                        case "workers" -> b.workers(integer(name, v));
                        default -> errors.add(name + ": unknown field");
                    }
                } catch (IllegalArgumentException e) {
                    errors.add(name + ": " + e.getMessage());
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidConfigException(file, errors);
            }
            return b;
        }

        private void issuers(Builder b, JsonNode v) {
            if (!v.isArray()) {
                throw new IllegalArgumentException("must be an array of {iss, jwksUrl, allowedJku}");
            }
            for (int i = 0; i < v.size(); i++) {
                JsonNode issuer = v.get(i);
                String at = "issuers[" + i + "]";
                try {
                    List<URI> jku = new ArrayList<>();
                    for (Iterator<String> names = issuer.fieldNames(); names.hasNext(); ) {
                        String n = names.next();
                        if (!Set.of("iss", "jwksUrl", "allowedJku").contains(n)) {
                            errors.add(at + "." + n + ": unknown field");
                        }
                    }
                    if (issuer.has("allowedJku")) {
                        for (String s : strings("allowedJku", issuer.get("allowedJku"))) {
                            jku.add(uri("allowedJku", s));
                        }
                    }
                    b.addIssuer(new IssuerConfig(text("iss", issuer.path("iss")),
                            uri("jwksUrl", issuer.path("jwksUrl")), jku));
                } catch (IllegalArgumentException e) {
                    errors.add(at + ": " + e.getMessage());
                }
            }
        }

        private static String text(String name, JsonNode v) {
            if (!v.isTextual()) {
                throw new IllegalArgumentException(name + " must be a string");
            }
            return v.asText();
        }

        private static int integer(String name, JsonNode v) {
            if (!v.canConvertToInt() || !v.isIntegralNumber()) {
                throw new IllegalArgumentException(name + " must be an integer");
            }
            return v.intValue();
        }

        private static URI uri(String name, JsonNode v) {
            return uri(name, text(name, v));
        }

        private static URI uri(String name, String text) {
            try {
                return new URI(text);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(name + " is not a URL: '" + text + "'");
            }
        }

        private static List<String> strings(String name, JsonNode v) {
            if (!v.isArray()) {
                throw new IllegalArgumentException(name + " must be an array of strings");
            }
            List<String> out = new ArrayList<>();
            for (JsonNode item : v) {
                out.add(text(name, item));
            }
            return out;
        }
    }
}
