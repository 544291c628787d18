namespace Site.Generator.Model;

/// <summary>What happened to an article of a later reading, against the reading it follows.</summary>
public enum ArticleChange
{
    /// <summary>Same text, same number.</summary>
    Unchanged,

    /// <summary>Text changed (its number may have changed too).</summary>
    Changed,

    /// <summary>Same text under a new number (renumbered because articles were added or deleted before it).</summary>
    Moved,

    /// <summary>No article of the previous reading matches it.</summary>
    Added,
}

public enum DiffKind
{
    Same,
    Inserted,
    Deleted,
}

/// <summary>A run of characters of an inline diff; paragraph breaks are '\n' inside <see cref="Text"/>.</summary>
public sealed record DiffSpan(DiffKind Kind, string Text);

/// <summary>One article of the later reading and the article of the previous reading it was matched with.</summary>
/// <param name="PreviousNumber">The matched article's number in the previous reading; null when <see cref="Change"/> is Added.</param>
/// <param name="Diff">Previous text → this text, character by character; empty unless Changed.</param>
public sealed record ArticleComparison(int Number, ArticleChange Change, int? PreviousNumber, IReadOnlyList<DiffSpan> Diff);

/// <summary>A reading against the reading it names as <c>previous:</c>.</summary>
/// <param name="Articles">Every article of the later reading, by number.</param>
/// <param name="Deleted">Articles of the previous reading that no article of this one matches.</param>
public sealed record DraftComparison(DraftId Previous, IReadOnlyDictionary<int, ArticleComparison> Articles, IReadOnlyList<DraftArticle> Deleted)
{
    public int Changed => Articles.Values.Count(a => a.Change == ArticleChange.Changed);

    public int Added => Articles.Values.Count(a => a.Change == ArticleChange.Added);

    public int Moved => Articles.Values.Count(a => a.Change == ArticleChange.Moved);
}
