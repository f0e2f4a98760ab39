package concurrencylab;

/**
 * How hard the reliability tests push: the short variants in every {@code mvn verify}, the long
 * ones with {@code -Plong} (which sets {@code concurrencylab.long=true}). A single count can also
 * be set on its own, e.g. {@code -Dconcurrencylab.orphan.repetitions=5}.
 */
public final class Effort {
  public static final boolean LONG = Boolean.getBoolean("concurrencylab.long");

  private Effort() {}

  /** The count named {@code name}: {@code verify} normally, {@code long} in the long profile. */
  public static int count(String name, int verify, int longCount) {
    return Integer.getInteger("concurrencylab." + name, LONG ? longCount : verify);
  }
}
