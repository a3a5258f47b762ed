namespace IroPortal.Modularity.Tests;

public sealed class UkTimeTests
{
    [Theory]
    [InlineData("2026-01-15T14:05:00Z", "15 January 2026 at 2:05pm")] // GMT
    [InlineData("2026-07-15T14:05:00Z", "15 July 2026 at 3:05pm")] // BST
    [InlineData("2026-03-29T00:59:00Z", "29 March 2026 at 12:59am")] // the minute before the clocks go forward
    [InlineData("2026-03-29T01:00:00Z", "29 March 2026 at 2:00am")] // clocks went forward
    [InlineData("2026-10-25T00:30:00Z", "25 October 2026 at 1:30am")] // first 1:30am (BST)
    [InlineData("2026-10-25T01:30:00Z", "25 October 2026 at 1:30am")] // second 1:30am (GMT)
    public void Times_stored_in_utc_are_shown_in_uk_time(string utc, string shown) =>
        Assert.Equal(shown, UkTime.Format(DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal)));
}
