// Launcher starts an embedded Neo4j Community 5.26 (LTS) database with the Bolt connector
// enabled, for claimgraph's development and CI test runs.
//
// It is not a production server: authentication is off, Bolt listens on 127.0.0.1 only, and
// the data lives in a fresh temporary directory that is deleted on clean shutdown.
//
// Usage (neo4j.sh does all of this; see it for the class path):
//
//   java -Xmx512m -cp 'target/classes:target/lib/*' Launcher \
//       [--port 7687] [--host 127.0.0.1] [--pagecache 64m] [--data-parent DIR] [--home DIR] [--plugins DIR] [--import DIR]
//
// or, without a compile step (Java 11+ single-file source launch):
//
//   java -cp 'target/lib/*' Launcher.java --port 7687
//
// Every option may also be given in the environment: NEO4J_LAUNCHER_PORT, NEO4J_LAUNCHER_HOST,
// NEO4J_LAUNCHER_PAGECACHE, NEO4J_LAUNCHER_DATA_PARENT. When the database is up and has
// answered a query, the launcher prints exactly one line starting with "READY " followed by
// the Bolt URI. SIGTERM/SIGINT run a shutdown hook that shuts the database down cleanly and
// removes the data directory.

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;

public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        String host = env("NEO4J_LAUNCHER_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("NEO4J_LAUNCHER_PORT", "7687"));
        String pagecache = env("NEO4J_LAUNCHER_PAGECACHE", "64m");
        String dataParent = env("NEO4J_LAUNCHER_DATA_PARENT", "");
        // --home serves an existing Neo4j home instead of a new one: the one a
        // `neo4j-admin database import full` (neo4j.sh import) wrote its database into.
        String existingHome = "";
        // --plugins serves the procedures of the jars in DIR (neo4j.sh: NEO4J_PLUGINS=apoc).
        String plugins = "";
        // --import is the directory LOAD CSV reads file:/// URLs from (default: the home's import).
        String importDir = "";
        // --bolt-keep-alive is server.bolt.connection_keep_alive_for_requests: ALL (Neo4j's
        // default) sends clients the connection.recv_timeout_seconds hint, which makes the Go
        // driver race every socket read against a timer in a goroutine of its own; STREAMING
        // keeps the keep-alive NOOPs while results stream and sends no hint.
        String boltKeepAlive = "";

        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--host": host = value(args, ++i, a); break;
                case "--port": port = Integer.parseInt(value(args, ++i, a)); break;
                case "--pagecache": pagecache = value(args, ++i, a); break;
                case "--data-parent": dataParent = value(args, ++i, a); break;
                case "--home": existingHome = value(args, ++i, a); break;
                case "--plugins": plugins = value(args, ++i, a); break;
                case "--import": importDir = value(args, ++i, a); break;
                case "--bolt-keep-alive": boltKeepAlive = value(args, ++i, a); break;
                case "-h":
                case "--help":
                    System.out.println("usage: Launcher [--host H] [--port P] [--pagecache 64m] [--data-parent DIR] [--home DIR] [--plugins DIR] [--import DIR] [--bolt-keep-alive ALL|STREAMING|OFF]");
                    return;
                default:
                    System.err.println("unknown argument: " + a);
                    System.exit(2);
            }
        }
        if (port <= 0 || port > 65535) {
            System.err.println("invalid port: " + port);
            System.exit(2);
        }

        Path home;
        if (!existingHome.isEmpty()) {
            home = Paths.get(existingHome).toAbsolutePath();
            if (!Files.isDirectory(home)) {
                System.err.println("--home " + home + " is not a directory");
                System.exit(2);
            }
        } else if (dataParent.isEmpty()) {
            home = Files.createTempDirectory("claimgraph-neo4j-");
        } else {
            Path parent = Paths.get(dataParent).toAbsolutePath();
            Files.createDirectories(parent);
            home = Files.createTempDirectory(parent, "db-");
        }
        log("data directory " + home);

        long started = System.nanoTime();
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
        if (!plugins.isEmpty()) {
            builder.setConfig(GraphDatabaseSettings.plugin_dir, Paths.get(plugins).toAbsolutePath())
                    .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"));
            log("plugins from " + plugins);
        }
        if (!importDir.isEmpty()) {
            builder.setConfig(GraphDatabaseSettings.load_csv_file_url_root, Paths.get(importDir).toAbsolutePath());
            log("LOAD CSV reads file:/// from " + importDir);
        }
        if (!boltKeepAlive.isEmpty()) {
            builder.setConfig(BoltConnector.connection_keep_alive_type,
                    BoltConnector.KeepAliveRequestType.valueOf(boltKeepAlive.toUpperCase(java.util.Locale.ROOT)));
            log("bolt keep-alive for requests: " + boltKeepAlive);
        }
        DatabaseManagementService dbms = builder
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                // The routing table (neo4j:// URIs) names this address: without it a single
                // instance advertises localhost:7687, whatever port it listens on.
                .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(pagecache))
                // Small, throw-away database: do not preallocate transaction logs or store files.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.preallocate_store_files, false)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                // LOAD CSV reads fields as RFC 4180 says ("" is a quote), as neo4j-admin import
                // does: the legacy default also reads \" as a quote, which breaks the JSON text
                // cells of claimgraph's neo4j-csv export that hold a quoted string.
                .setConfig(GraphDatabaseSettings.csv_legacy_quote_escaping, false)
                // Bolt's graceful shutdown otherwise waits ~10 s (two 5 s quiet periods) even with
                // no clients; a test server has nothing to drain. Internal settings, pinned version.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("shutting down");
            try {
                dbms.shutdown();
                log("database stopped");
            } catch (RuntimeException e) {
                log("shutdown error: " + e);
            } finally {
                try {
                    deleteRecursively(home);
                } catch (IOException e) {
                    log("could not delete " + home + ": " + e);
                }
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        // The default database must answer a query before we report readiness.
        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(Duration.ofSeconds(120).toMillis())) {
            log("database did not become available");
            System.exit(1);
        }
        try (Transaction tx = db.beginTx(); Result r = tx.execute("RETURN 1 AS one")) {
            Object one = r.next().get("one");
            if (!Long.valueOf(1L).equals(one)) {
                log("unexpected self-check result: " + one);
                System.exit(1);
            }
            tx.commit();
        }
        long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.println("READY bolt://" + host + ":" + port + " neo4j=" + neo4jVersion()
                + " pid=" + ProcessHandle.current().pid() + " startup_ms=" + ms);
        System.out.flush();

        // Block the main thread until the shutdown hook has run.
        stopped.await();
    }

    private static String neo4jVersion() {
        Package p = DatabaseManagementService.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "unknown" : v;
    }

    private static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? def : v;
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            System.err.println("missing value for " + flag);
            System.exit(2);
        }
        return args[i];
    }

    /** Parses sizes such as "64m", "1g", "65536" into bytes. */
    static long parseBytes(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        long mult = 1;
        if (t.endsWith("k")) { mult = 1L << 10; t = t.substring(0, t.length() - 1); }
        else if (t.endsWith("m")) { mult = 1L << 20; t = t.substring(0, t.length() - 1); }
        else if (t.endsWith("g")) { mult = 1L << 30; t = t.substring(0, t.length() - 1); }
        return Long.parseLong(t) * mult;
    }

    private static void log(String msg) {
        System.out.println("[launcher] " + msg);
        System.out.flush();
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
