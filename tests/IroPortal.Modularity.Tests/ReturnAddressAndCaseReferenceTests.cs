using IroPortal.Modularity;

namespace IroPortal.Modularity.Tests;

/// <summary>The portal's one rule for where a form may send someone back, and for a child's case reference.</summary>
public sealed class ReturnAddressAndCaseReferenceTests
{
    [Theory]
    [InlineData("/qa", "/qa")]
    [InlineData("/qa/mine?year=2025", "/qa/mine?year=2025")]
    [InlineData("/qa?year=2025", "/qa?year=2025")]
    [InlineData("/qaz", "/qa/mine")]
    [InlineData("/admin/users", "/qa/mine")]
    [InlineData("//evil.example/qa", "/qa/mine")]
    [InlineData("/qa/\t/evil", "/qa/mine")]
    [InlineData(null, "/qa/mine")]
    public void A_return_address_within_an_area_is_kept_and_anything_else_goes_to_the_fallback(string? path, string expected) =>
        Assert.Equal(expected, ReturnAddress.LocalWithinOr(path, "/qa", "/qa/mine"));

    [Theory]
    [InlineData("NM-204417", null)]
    [InlineData(" 2024/1187 ", null)]
    [InlineData("", "Enter the child's case reference")]
    [InlineData("Jordan", "A case reference has at least one digit: enter the reference, never the child's name")]
    [InlineData("Jordan Smith 1", "A case reference has only letters, digits, - and /, with no spaces: never the child's name")]
    [InlineData("-12345", "A case reference starts with a letter or a digit")]
    [InlineData("NM-1234567890123456789012345678", "The case reference must be 30 characters or fewer")]
    public void A_case_reference_is_the_councils_reference_never_a_name(string reference, string? problem) =>
        Assert.Equal(problem, CaseReference.Problem(reference));
}
