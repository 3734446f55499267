module com.example.siterules {
    requires dev.ruxo.rules.drools; // brings dev.ruxo.rules.api with it (requires transitive)
}
