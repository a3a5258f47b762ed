using System.Text;
using IroPortal.Users.Services;

namespace IroPortal.Users.Tests;

public sealed class TotpTests
{
    private static readonly byte[] RfcKey = Encoding.ASCII.GetBytes("12345678901234567890");

    /// <summary>RFC 6238 appendix B (SHA-1), last six digits of its eight-digit values.</summary>
    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1111111111, "050471")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    public void Codes_match_the_rfc_test_vectors(long unixSeconds, string code) =>
        Assert.Equal(code, Totp.Code(RfcKey, Totp.TimeStep(DateTimeOffset.FromUnixTimeSeconds(unixSeconds))));

    [Fact]
    public void A_code_from_the_step_before_or_after_is_accepted_for_clock_drift_and_none_further()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1111111111);
        var step = Totp.TimeStep(now);
        Assert.Equal(step - 1, Totp.Match(RfcKey, Totp.Code(RfcKey, step - 1), now));
        Assert.Equal(step + 1, Totp.Match(RfcKey, Totp.Code(RfcKey, step + 1), now));
        Assert.Null(Totp.Match(RfcKey, Totp.Code(RfcKey, step - 2), now));
        Assert.Equal(step, Totp.Match(RfcKey, Totp.Code(RfcKey, step)[..3] + " " + Totp.Code(RfcKey, step)[3..], now));
        Assert.Null(Totp.Match(RfcKey, "12345", now));
        Assert.Null(Totp.Match(RfcKey, "abcdef", now));
    }

    [Fact]
    public void Base32_keys_decode_as_authenticator_apps_read_them() =>
        Assert.Equal(RfcKey, Totp.FromBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
}
