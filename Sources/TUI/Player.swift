import Model

/// Placeholder: the player arrives with the TUI work.
public enum PlayerPlaceholder {}
