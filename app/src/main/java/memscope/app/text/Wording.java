package memscope.app.text;

import java.util.Arrays;

/** What a problem says before it is put in a language: a key into the app's bundle and its arguments. */
public record Wording(String key, Object[] args) {
    public Wording {
        args = args.clone();
    }

    @Override
    public Object[] args() {
        return args.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Wording w && w.key.equals(key) && Arrays.equals(w.args, args);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return key + Arrays.toString(args);
    }
}
