using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using IroPortal.Performance.Services;
using static IroPortal.Performance.Tests.Data;

namespace IroPortal.Performance.Tests;

/// <summary>Workbooks whose zip headers lie, that are zips but no workbook, or that hide a DOCTYPE in another
/// encoding: each refused by name, and a lying one after reading no more than it declared.</summary>
public sealed class UploadedWorkbookTests
{
    private static readonly UploadLimits Limits = new();
    private const int HundredMegabytes = 100 * 1024 * 1024;

    private static string Refusal(SourceFile file, UploadLimits? limits = null) =>
        Assert.Throws<RefusedFileException>(() => TableReader.Read(file, limits ?? Limits)).Message;

    [Fact]
    public void A_part_that_holds_far_more_than_its_headers_declare_is_refused_after_reading_what_they_declare()
    {
        // Written to a stream that cannot seek, so the sizes follow the data (bit 3) and only the central directory says them.
        var bomb = Lying(ZipOf(streamed: true, ("[Content_Types].xml", Zeros(0)), ("xl/worksheets/sheet1.xml", Zeros(HundredMegabytes))), "xl/worksheets/sheet1.xml", central: 1024);
        Assert.True(bomb.Length < 1024 * 1024, $"the test file should be small: {bomb.Length} bytes");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var message = Refusal(new SourceFile("bomb.xlsx", bomb));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("bomb.xlsx", message);
        Assert.Contains("holds more than the file says", message);
        Assert.True(allocated < 16 * 1024 * 1024, $"refusing it allocated {allocated / (1024 * 1024)} MB");
    }

    [Fact]
    public void Both_headers_agreeing_on_a_small_size_do_not_let_a_large_part_through()
    {
        var bomb = Lying(ZipOf(streamed: false, ("[Content_Types].xml", Zeros(0)), ("xl/worksheets/sheet1.xml", Zeros(HundredMegabytes))), "xl/worksheets/sheet1.xml", central: 1024, local: 1024);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Contains("holds more than the file says", Refusal(new SourceFile("agreed.xlsx", bomb)));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 16 * 1024 * 1024);
    }

    [Fact]
    public void Local_and_central_headers_that_disagree_refuse_the_file()
    {
        var file = Lying(ZipOf(streamed: false, ("[Content_Types].xml", Zeros(0)), ("xl/worksheets/sheet1.xml", Zeros(2 * 1024 * 1024))), "xl/worksheets/sheet1.xml", central: 1024);
        Assert.Contains("disagree.xlsx is not a well-formed workbook: the part xl/worksheets/sheet1.xml is described two different ways", Refusal(new SourceFile("disagree.xlsx", file)));
    }

    [Fact]
    public void The_limit_counts_what_the_parts_really_hold()
    {
        var honest = ZipOf(streamed: true, ("[Content_Types].xml", Zeros(0)), ("a.xml", Zeros(3 * 1024 * 1024)), ("b.xml", Zeros(3 * 1024 * 1024)));
        Assert.Contains("would be more than 5 MB once opened", Refusal(new SourceFile("big.xlsx", honest), new UploadLimits { MaxUncompressedBytes = 5 * 1024 * 1024 }));
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_refused_by_name()
    {
        Assert.Contains("photos.xlsx is a zip file but not an Excel workbook", Refusal(Zip("photos.xlsx", ("holiday.txt", "not a workbook"))));
        Assert.Contains("document.xlsx is a zip file but not an Excel workbook", Refusal(Zip("document.xlsx",
            ("[Content_Types].xml", "<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"))));
    }

    [Theory]
    [InlineData("utf-16LE")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public void A_DOCTYPE_in_a_sheet_written_in_another_encoding_without_a_byte_order_mark_is_refused(string encoding)
    {
        var workbook = Workbook("return.xlsx", Reviews(Review("100", "01/05/2015", "20/06/2025", "PN1")));
        var sheet = Encoding.GetEncoding(encoding).GetBytes("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><worksheet>&e;</worksheet>");
        var tampered = Replace(workbook.Content, "xl/worksheets/sheet1.xml", sheet);
        Assert.Contains("return.xlsx contains XML with a DOCTYPE (xl/worksheets/sheet1.xml)", Refusal(new SourceFile("return.xlsx", tampered)));
    }

    [Fact]
    public void A_workbook_with_its_sizes_after_the_data_still_reads()
    {
        var workbook = Workbook("return.xlsx", Reviews(Review("100", "01/05/2015", "20/06/2025", "PN1")));
        var streamed = Rezip(workbook.Content, streamed: true);
        var tables = TableReader.Read(new SourceFile("return.xlsx", streamed), Limits);
        Assert.Equal("100", tables.Single().Rows.Single().Cells[0]);
    }

    private static byte[] Zeros(int count) => new byte[count];

    private static byte[] ZipOf(bool streamed, params (string Path, byte[] Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(streamed ? new ForwardOnly(memory) : memory, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (path, content) in entries)
                using (var stream = zip.CreateEntry(path, CompressionLevel.Optimal).Open())
                    stream.Write(content);
        return memory.ToArray();
    }

    private static byte[] Rezip(byte[] zipBytes, bool streamed)
    {
        using var zip = new ZipArchive(new MemoryStream(zipBytes));
        return ZipOf(streamed, [.. zip.Entries.Select(e => (e.FullName, Read(e)))]);
    }

    private static byte[] Replace(byte[] zipBytes, string path, byte[] content)
    {
        using var zip = new ZipArchive(new MemoryStream(zipBytes));
        return ZipOf(false, [.. zip.Entries.Select(e => (e.FullName, e.FullName == path ? content : Read(e)))]);
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The zip with an entry's uncompressed size rewritten in its central directory record, its local header, or both.</summary>
    private static byte[] Lying(byte[] zip, string path, uint? central = null, uint? local = null)
    {
        var name = Encoding.UTF8.GetBytes(path);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i));
            if (signature == 0x02014b50 && central is { } c && zip.AsSpan(i + 46, name.Length).SequenceEqual(name))
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 24), c);
            if (signature == 0x04034b50 && local is { } l && zip.AsSpan(i + 30, name.Length).SequenceEqual(name))
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 22), l);
        }
        return zip;
    }

    /// <summary>A stream that cannot seek, as a web response is, so the zip writer puts sizes after each part.</summary>
    private sealed class ForwardOnly(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
