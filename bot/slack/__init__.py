"""What faces Slack: Block Kit builders and views, texts, the sender, the two halves of a listener."""
