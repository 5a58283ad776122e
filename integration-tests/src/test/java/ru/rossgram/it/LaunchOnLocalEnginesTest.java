package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The launch contract on DynamoDB Local and S3Proxy: the default, Docker-free backend. */
@ExtendWith(LocalEngines.class)
class LaunchOnLocalEnginesTest extends LaunchContract {
}
