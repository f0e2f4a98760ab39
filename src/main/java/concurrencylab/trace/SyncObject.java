package concurrencylab.trace;

/**
 * A synchronisation object of a run (a lock, a queue, a shared counter…), registered on its trace
 * with {@link Trace#addSyncObject}; the events that act on it carry its id.
 *
 * @param id index of the object in its trace, from 0
 * @param kind what it is, which also says what its events' values mean
 * @param name the name the program gave it ("lock", "counter")
 */
public record SyncObject(int id, SyncKind kind, String name) {}
