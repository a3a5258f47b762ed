namespace IroPortal.BoardActions.Models;

/// <summary>One thing the board asked for when it responded to a year's report.</summary>
public sealed class BoardAction
{
    public Guid Id { get; set; }
    /// <summary>The year of the report the board responded to.</summary>
    public int YearStart { get; set; }
    public int Position { get; set; }
    public string What { get; set; } = "";
    public Guid OwnerId { get; set; }
    public string OwnerName { get; set; } = "";
    public DateOnly Due { get; set; }
    /// <summary>The board version's section it follows from, if any.</summary>
    public string? SectionAnchor { get; set; }
    public string? SectionTitle { get; set; }
    /// <summary>When it was done; null while it is open (it is overdue, on its own, once the due date passes).</summary>
    public DateOnly? DoneOn { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string CreatedByName { get; set; } = "";
    /// <summary>Moves at every change, so two people changing it at once cannot overwrite each other unseen.</summary>
    public int Revision { get; set; }
    public List<ActionUpdate> Updates { get; set; } = [];
}

/// <summary>An entry in an action's history: an owner's update, or a change of state, owner or due date.</summary>
public sealed class ActionUpdate
{
    public Guid Id { get; set; }
    public Guid ActionId { get; set; }
    public DateTime PostedUtc { get; set; }
    public string ByName { get; set; } = "";
    /// <summary>What the person wrote; may be empty when the entry is only a change.</summary>
    public string Text { get; set; } = "";
    /// <summary>What changed, in words ("Marked done", "Due date moved from ... to ..."), or empty.</summary>
    public string Change { get; set; } = "";
}

/// <summary>A year's plan as a whole: whether the public report shows a summary of it.</summary>
public sealed class ActionPlan
{
    public Guid Id { get; set; }
    public int YearStart { get; set; }
    public bool ShowOnPublicReport { get; set; }
    public DateTime ChangedUtc { get; set; }
    public string ChangedByName { get; set; } = "";
}

/// <summary>Something children told us, in the manager's plain words, and the board's actions that answer it: the
/// children's summary's "You said, we did".</summary>
public sealed class ChildrensTheme
{
    public const int MaxSaid = 500;

    public Guid Id { get; set; }
    public int YearStart { get; set; }
    public int Position { get; set; }
    /// <summary>"You said you did not always know when your review was."</summary>
    public string Said { get; set; } = "";
    public DateTime ChangedUtc { get; set; }
    public string ChangedByName { get; set; } = "";
    public List<ChildrensThemeAction> Actions { get; set; } = [];
}

public sealed class ChildrensThemeAction
{
    public Guid ThemeId { get; set; }
    public Guid ActionId { get; set; }
}
