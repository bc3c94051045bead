package io.tandem.ssh;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.stream.Collectors;

/** Turns what JSch and the socket layer throw into an {@link SshFailure} with a plain message. */
final class FailureClassifier {

    private FailureClassifier() {
    }

    static SshFailure connectFailure(SshTarget target, Throwable error, PromptingHostKeyRepository keys,
                                     List<Authentication> methods, int timeoutSeconds) {
        String host = target.toString();
        Throwable root = rootCause(error);
        String text = String.valueOf(error.getMessage());
        if (keys.outcome() == PromptingHostKeyRepository.Outcome.CHANGED) {
            return new SshFailure(SshFailure.Kind.HOST_KEY_CHANGED, host, "The host key of " + target.host()
                    + " has CHANGED: it now shows " + keys.keyType() + " " + keys.fingerprint() + ", which matches none of the keys "
                    + "on file for it in " + keys.decidedBy() + ". This may be an attack: someone could be intercepting the "
                    + "connection. If the server was reinstalled, check the new fingerprint on its console "
                    + "(ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub) and then remove the old key with: ssh-keygen -R "
                    + target.knownHostsName() + " -f " + keys.decidedBy(), error);
        }
        if (keys.outcome() == PromptingHostKeyRepository.Outcome.REVOKED) {
            return new SshFailure(SshFailure.Kind.HOST_KEY_REVOKED, host, "The host key of " + target.host() + " ("
                    + keys.keyType() + " " + keys.fingerprint() + ") is REVOKED in " + keys.decidedBy() + ": it must never be "
                    + "accepted, and Tandem did not log in. Someone may be using a stolen key to pose as this server. Give the "
                    + "server a new host key and check it on the server's console (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub).", error);
        }
        if (keys.outcome() == PromptingHostKeyRepository.Outcome.REFUSED_NEW) {
            return new SshFailure(SshFailure.Kind.HOST_KEY_UNKNOWN_REFUSED, host, "The host key of " + target.host() + " ("
                    + keys.keyType() + " " + keys.fingerprint() + ") was not accepted, so Tandem did not log in. "
                    + "Accept it once you have checked the fingerprint on the server's console.", error);
        }
        if (root instanceof ConnectException && String.valueOf(root.getMessage()).contains("refused")) {
            return new SshFailure(SshFailure.Kind.CONNECTION_REFUSED, host, "Connection to " + target.host() + " port "
                    + target.port() + " was refused: no SSH server listens there. Check the port, and that sshd runs "
                    + "(systemctl status ssh).", error);
        }
        if (root instanceof UnknownHostException) {
            return new SshFailure(SshFailure.Kind.UNREACHABLE, host, "The name " + target.host()
                    + " cannot be resolved. Check the spelling or use the IP address.", error);
        }
        if (root instanceof NoRouteToHostException || (root instanceof ConnectException && text.contains("unreachable"))
                || String.valueOf(root.getMessage()).contains("unreachable")) {
            return new SshFailure(SshFailure.Kind.UNREACHABLE, host, target.host() + " is unreachable (no route to host). "
                    + "Check the address, that the server is on, and the network between you.", error);
        }
        if (root instanceof SocketTimeoutException || root instanceof InterruptedIOException || text.contains("timeout")
                || text.contains("timed out")) {
            return new SshFailure(SshFailure.Kind.TIMEOUT, host, target.host() + " did not answer within " + timeoutSeconds
                    + " s. Check the address and any firewall between you; the server may also be overloaded.", error);
        }
        if (text.contains("Auth fail") || text.contains("Auth cancel") || text.contains("USERAUTH fail")) {
            String tried = methods.stream().map(Authentication::methodName).collect(Collectors.joining(", "));
            return new SshFailure(SshFailure.Kind.AUTHENTICATION_FAILED, host, "The server refused to let " + target.user()
                    + " log in (tried: " + tried + "). Check the user name, that the public key is in the server's "
                    + "authorized_keys, or the password.", error);
        }
        if (text.contains("closed") || text.contains("reset") || text.contains("End of IO") || root instanceof java.io.EOFException) {
            return new SshFailure(SshFailure.Kind.CONNECTION_LOST, host, "The connection to " + target.host()
                    + " was closed by the other side during login. Check the server's sshd log (MaxStartups, AllowUsers).", error);
        }
        return new SshFailure(SshFailure.Kind.UNREACHABLE, host, "Cannot connect to " + target + ": " + text, error);
    }

    static Throwable rootCause(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
