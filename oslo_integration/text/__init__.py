"""UI strings and number formatting, Norwegian (bokmål) first."""
