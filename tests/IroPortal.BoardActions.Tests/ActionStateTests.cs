using IroPortal.BoardActions.Models;
using IroPortal.BoardActions.Services;

namespace IroPortal.BoardActions.Tests;

public sealed class ActionStateTests
{
    private static readonly DateOnly Due = new(2026, 6, 30);

    [Fact]
    public void An_action_is_open_up_to_its_due_date_and_overdue_from_the_day_after()
    {
        var action = new BoardAction { Due = Due };
        Assert.Equal(ActionState.Open, ActionStates.Of(action, Due.AddDays(-10)));
        Assert.Equal(ActionState.Open, ActionStates.Of(action, Due));
        Assert.Equal(ActionState.Overdue, ActionStates.Of(action, Due.AddDays(1)));
        Assert.Equal("Overdue: it was due on 30 June 2026", ActionStates.Describe(action, Due.AddDays(1)));
    }

    [Fact]
    public void A_done_action_stays_done_whatever_the_date()
    {
        var action = new BoardAction { Due = Due, DoneOn = Due.AddDays(5) };
        Assert.Equal(ActionState.Done, ActionStates.Of(action, Due.AddDays(100)));
        Assert.Equal("Done on 5 July 2026", ActionStates.Describe(action, Due.AddDays(100)));
    }
}
