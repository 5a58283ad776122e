package ru.rossgram.it;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same operators contract against LocalStack, where a Docker engine answers; skipped cleanly (not failed)
 * where there is none.
 */
@ExtendWith(LocalStackBackend.class)
class OperatorsOnLocalStackTest extends OperatorsContract {
}
