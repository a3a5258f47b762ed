namespace IroPortal.Modularity.Tests;

public sealed class CsvTests
{
    [Theory]
    [InlineData("CHILD,DOB\r\n100,01/05/2015\r\n", "CHILD|DOB;100|01/05/2015")]
    [InlineData("a,b\nc,d", "a|b;c|d")] // no line break at the end, and bare \n
    [InlineData("\"Smith, Jo\",\"said \"\"no\"\"\",x\r\n", "Smith, Jo|said \"no\"|x")]
    [InlineData("\"two\r\nlines\",y\n", "two\r\nlines|y")]
    [InlineData("a,,\n\nb\n", "a||;;b")] // empty fields, and a blank line as one empty field
    [InlineData("ab\"c,\"d\"e\n", "ab\"c|de")] // a quote inside a field is kept; text after a closing quote joins the field
    public void Rows_reads_fields_as_a_spreadsheet_writes_them(string text, string expected) =>
        Assert.Equal(expected, string.Join(";", Csv.Rows(text).Select(fields => string.Join("|", fields))));

    [Fact]
    public void A_field_written_by_the_portal_reads_back_the_same()
    {
        string[] values = ["plain", "with, comma", "with \"quotes\"", "two\nlines", "=SUM(A1)", ""];
        var line = string.Join(",", values.Select(Csv.Field));
        Assert.Equal(values, Csv.Rows(line).Single().Select(Csv.Unguard));
    }
}
