package ru.rossgram.localcloud;

import java.nio.file.Path;

import ru.rossgram.localcloud.template.PhysicalNames;
import ru.rossgram.localcloud.template.SamTemplate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDB Local running with the template's tables in it, and a client for it. */
final class DynamoDbEngine implements AutoCloseable {

    private final DynamoDbLocalServer server;
    private final DynamoDbClient client;

    private DynamoDbEngine(DynamoDbLocalServer server, DynamoDbClient client) {
        this.server = server;
        this.client = client;
    }

    static DynamoDbEngine start(SamTemplate template, PhysicalNames names, Path dbDirectory, LocalCloudOptions options,
            SdkClients clients) throws Exception {
        DynamoDbLocalServer server = DynamoDbLocalServer.start(dbDirectory, options.dynamoDbPort(), options.profile());
        DynamoDbClient client = null;
        try {
            client = clients.dynamoDb(server.endpoint());
            new TableProvisioner(client, names).provision(template.tables());
            return new DynamoDbEngine(server, client);
        } catch (Exception e) {
            Closer.closeAll(e, client, server);
            throw e;
        }
    }

    DynamoDbLocalServer server() {
        return server;
    }

    DynamoDbClient client() {
        return client;
    }

    @Override
    public void close() {
        IllegalStateException failure = new IllegalStateException("cannot stop DynamoDB Local cleanly");
        Closer.closeAll(failure, client, server);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }
}
