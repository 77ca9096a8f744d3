package io.exactpay.ear;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Payara Server domain driven through asadmin, as an operator would: created, started, given
 * resources and applications, stopped. A failing command fails with its output and the tail of
 * the domain's server.log, where the reason usually is.
 */
final class PayaraServerDomain {

    private static final String NAME = "exactpay";

    private final Path installDir;
    private final Path domainsDir;
    private final int portbase;

    PayaraServerDomain(Path installDir, Path domainsDir, int portbase) {
        this.installDir = installDir;
        this.domainsDir = domainsDir;
        this.portbase = portbase;
    }

    int httpPort() {
        return portbase + 80;
    }

    private int adminPort() {
        return portbase + 48;
    }

    private Path domainDir() {
        return domainsDir.resolve(NAME);
    }

    /** A new domain whose listeners all bind the loopback interface only. */
    void create() throws IOException, InterruptedException {
        offline("create-domain", "--domaindir", domainsDir.toString(), "--portbase", Integer.toString(portbase),
                "--nopassword", NAME);
        // create-domain has no option for the listen address; the listeners are configured here,
        // before the first start, instead of through a restart.
        Path domainXml = domainDir().resolve("config/domain.xml");
        String xml = Files.readString(domainXml, StandardCharsets.UTF_8)
                .replace("address=\"0.0.0.0\"", "address=\"127.0.0.1\"")
                .replaceAll("<network-listener (?![^>]*address=)", "<network-listener address=\"127.0.0.1\" ")
                // The first data grid setting is the server's own: one server needs no data grid, and the
                // application brings its own broker; either would only listen on every interface.
                .replaceFirst("<hazelcast-config-specific-configuration>",
                        "<jms-service type=\"DISABLED\" default-jms-host=\"default_JMS_host\"></jms-service>"
                                + "<hazelcast-config-specific-configuration enabled=\"false\">");
        Files.writeString(domainXml, xml, StandardCharsets.UTF_8);
    }

    /** Puts a library on the domain's common class path (read at start-up), as JDBC drivers need. */
    void addLibrary(Path jar) throws IOException {
        Files.copy(jar, domainDir().resolve("lib").resolve(jar.getFileName()));
    }

    void start() throws IOException, InterruptedException {
        offline("start-domain", "--domaindir", domainsDir.toString(), NAME);
    }

    void stop() throws IOException, InterruptedException {
        offline("stop-domain", "--domaindir", domainsDir.toString(), NAME);
    }

    /** Runs the asadmin commands in {@code file} against the running domain, one per line. */
    void runFile(Path file) throws IOException, InterruptedException {
        String output = remote("multimode", "--file", file.toString());
        // multimode carries on past a failed command; a partial set of resources must not pass.
        if (output.contains("failed")) throw failure("multimode --file " + file, output);
    }

    void deploy(String name, Path archive) throws IOException, InterruptedException {
        remote("deploy", "--name", name, "--force=true", archive.toString());
    }

    String remote(String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", Integer.toString(adminPort()),
                "--user", "admin", "--interactive=false"));
        args.addAll(List.of(command));
        return asadmin(args);
    }

    private String offline(String... command) throws IOException, InterruptedException {
        return asadmin(List.of(command));
    }

    private String asadmin(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", installDir.resolve("glassfish/lib/client/appserver-cli.jar").toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The server runs on the same JDK as the suite.
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) throw failure(String.join(" ", args), output);
        return output;
    }

    private IllegalStateException failure(String command, String output) {
        return new IllegalStateException("asadmin " + command + " failed:\n" + output
                + "\n--- server.log (tail) ---\n" + serverLogTail(80));
    }

    String serverLogTail(int lines) {
        Path log = domainDir().resolve("logs/server.log");
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no " + log + ": " + e.getMessage() + ")";
        }
    }

    /** The server process's resident set size in MiB, as ps reports it. */
    long residentMebibytes() throws IOException, InterruptedException {
        Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", Long.toString(pid())).start();
        String rss = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        ps.waitFor();
        return Long.parseLong(rss) / 1024;
    }

    /** The server's JVM, as asadmin recorded it when it started the domain. */
    private long pid() throws IOException {
        return Long.parseLong(Files.readString(domainDir().resolve("config/pid")).trim());
    }

    /**
     * Ends the server's JVM at once with SIGKILL, as a power cut or an OOM kill would: no shutdown
     * hook runs, no transaction completes, the domain is left as it was (pid file included).
     */
    void kill() throws IOException, InterruptedException {
        ProcessHandle server = ProcessHandle.of(pid())
                .orElseThrow(() -> new IllegalStateException("the domain's server is not running"));
        if (!server.destroyForcibly()) throw new IllegalStateException("SIGKILL not delivered to " + server.pid());
        server.onExit().join();
    }

    /** Freezes the server's JVM (SIGSTOP) so that its state can be looked at before it is killed or resumed. */
    void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** Lets a paused server's JVM run on (SIGCONT). */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).redirectErrorStream(true).start();
        String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (kill.waitFor() != 0) throw new IllegalStateException("kill -" + name + " failed: " + output);
    }

    /**
     * The domain's server.log from {@code offset} (in characters) on: what the server logged since
     * then; all of it when the log is shorter, that is when it was rotated in the meantime.
     */
    String serverLogFrom(int offset) throws IOException {
        String log = Files.readString(domainDir().resolve("logs/server.log"), StandardCharsets.UTF_8);
        return offset <= log.length() ? log.substring(offset) : log;
    }

    /** How much the domain's server.log holds now, in characters, as an offset for {@link #serverLogFrom}. */
    int serverLogLength() throws IOException {
        return Files.readString(domainDir().resolve("logs/server.log"), StandardCharsets.UTF_8).length();
    }
}
