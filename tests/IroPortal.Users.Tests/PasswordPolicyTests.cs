using IroPortal.Users.Models;
using IroPortal.Users.Services;

namespace IroPortal.Users.Tests;

public sealed class PasswordPolicyTests
{
    private static readonly PortalUser Helen = new() { DisplayName = "Helen Carter", Email = "helen.carter@northmoor.example", UserName = "helen.carter@northmoor.example" };

    [Theory]
    [InlineData("passwordpassword")] // on the list
    [InlineData("Password2024!!")] // a listed word with digits and symbols added
    [InlineData("P@ssw0rd123456")] // look-alikes swapped in
    [InlineData("Welcome12345678")]
    [InlineData("123456789012")]
    [InlineData("qwertyuiop12")]
    [InlineData("aaaaaaaaaaaaaa")] // one character repeated
    [InlineData("abcdefghijklmn")] // a run
    [InlineData("Helen is my name")] // the user's own name
    [InlineData("helen.carter.2026")] // their email address
    public async Task Guessable_passwords_are_refused_with_a_reason(string password)
    {
        var result = await new CommonPasswordValidator().ValidateAsync(null!, Helen, password);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Description.Length > 20);
    }

    [Theory]
    [InlineData("kettle orbit meadow stapler")]
    [InlineData("Tuesday-lantern-73-oboe")]
    [InlineData("7Gq!vR2#pLx9")]
    public async Task Long_unguessable_passwords_pass_without_composition_rules(string password) =>
        Assert.True((await new CommonPasswordValidator().ValidateAsync(null!, Helen, password)).Succeeded);
}
