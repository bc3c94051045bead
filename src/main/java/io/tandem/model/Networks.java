package io.tandem.model;

/** The client network (with the virtual IP) and the private replication network. */
public record Networks(Network client, Network replication) {

    public Network get(NetworkRole role) {
        return role == NetworkRole.CLIENT ? client : replication;
    }
}
