package io.tandem.ssh;

import io.tandem.model.Secret;

import java.nio.file.Path;
import java.util.Optional;

/** Asks for the passphrase of an encrypted private key; empty means the user cancelled. */
@FunctionalInterface
public interface PassphrasePrompt {

    Optional<Secret> passphrase(Path keyFile, int attempt);

    PassphrasePrompt NONE = (file, attempt) -> Optional.empty();
}
