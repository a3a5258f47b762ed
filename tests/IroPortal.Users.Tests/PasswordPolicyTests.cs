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
    [InlineData("Northmoor2026!!!")] // the council's name with the year
    [InlineData("N0rthm00r-IRO-2026")] // the council and the service, look-alikes and all
    [InlineData("IroPortal#12345678")] // the portal's name
    [InlineData("Independent Reviewing 2026")] // the service's name
    [InlineData("london1234567")] // a place and digits: the estimator's work
    [InlineData("qwerty1234567890")] // keyboard patterns
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
    [InlineData("northern moor lantern cobalt")] // a context word's letters inside other words is not the word
    public async Task Long_unguessable_passwords_pass_without_composition_rules(string password) =>
        Assert.True((await new CommonPasswordValidator().ValidateAsync(null!, Helen, password)).Succeeded);
}
