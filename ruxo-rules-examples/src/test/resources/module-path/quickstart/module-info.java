module com.example.quickstart {
    requires dev.ruxo.rules.api;
}
