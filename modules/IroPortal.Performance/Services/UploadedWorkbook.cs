using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace IroPortal.Performance.Services;

/// <summary>
/// Takes an uploaded .xlsx apart before anything else reads it, and gives back a clean copy made only from what
/// was checked. A zip says each part's size twice (in the part's local header and in the central directory at
/// the end) and the two can lie: every part is inflated here, counting the bytes it really holds and stopping at
/// the limit, so a small file that swells to gigabytes is refused after reading at most the limit. The parts are
/// then written into a new zip, so the workbook library never reads a header or a byte that was not checked.
/// </summary>
public static class UploadedWorkbook
{
    private const uint LocalHeaderSignature = 0x04034b50;
    private const uint CentralHeaderSignature = 0x02014b50;
    private const uint EndOfCentralDirectorySignature = 0x06054b50;
    private const string WorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    /// <summary>The workbook rebuilt from its checked parts; refuses with a message naming the file.</summary>
    public static byte[] Unpack(SourceFile file, UploadLimits limits)
    {
        var parts = ReadParts(file, limits);
        if (parts.Keys.Any(name => name.Equals("EncryptedPackage", StringComparison.OrdinalIgnoreCase)))
            throw new RefusedFileException($"{file.Name} is password-protected. Remove the password and upload it again.");
        if (parts.Keys.Any(name => name.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            throw new RefusedFileException($"{file.Name} contains macros. Save it as an ordinary .xlsx workbook without macros and upload that.");
        var xml = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, content) in parts.Where(p => p.Key.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || p.Key.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
        {
            var text = XmlText(content);
            if (HasDocumentTypeDeclaration(text))
                throw new RefusedFileException($"{file.Name} contains XML with a DOCTYPE ({name}), which Excel never writes. The file may have been tampered with; it was not opened.");
            xml[name] = text;
        }
        if (xml.TryGetValue("[Content_Types].xml", out var types) && types.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase))
            throw new RefusedFileException($"{file.Name} is a macro-enabled workbook. Save it as an ordinary .xlsx workbook and upload that.");
        if (types is null || !types.Contains(WorkbookContentType, StringComparison.OrdinalIgnoreCase))
            throw new RefusedFileException($"{file.Name} is a zip file but not an Excel workbook (it has no workbook inside). Save the return from Excel as .xlsx, or upload CSV files.");
        return Repack(parts);
    }

    private sealed record CentralEntry(string Name, byte[] NameBytes, ushort Flags, ushort Method, uint Crc, long CompressedSize, long Size, long LocalOffset);

    private static Dictionary<string, byte[]> ReadParts(SourceFile file, UploadLimits limits)
    {
        var bytes = file.Content;
        var entries = CentralDirectory(file, limits);
        var parts = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        long total = 0;
        foreach (var entry in entries)
        {
            if (entry.Size + total > limits.MaxUncompressedBytes)
                throw TooLarge(file, limits);
            var dataStart = CheckLocalHeader(file, entry);
            if (dataStart + entry.CompressedSize > bytes.LongLength)
                throw Damaged(file);
            var content = Inflate(file, entry, new MemoryStream(bytes, (int)dataStart, (int)entry.CompressedSize, writable: false));
            total += content.Length;
            if (!parts.TryAdd(entry.Name, content))
                throw new RefusedFileException($"{file.Name} holds the part {entry.Name} twice, which a real workbook never does. It was not opened.");
        }
        return parts;
    }

    private static List<CentralEntry> CentralDirectory(SourceFile file, UploadLimits limits)
    {
        var bytes = file.Content.AsSpan();
        var end = -1;
        for (var i = bytes.Length - 22; i >= Math.Max(0, bytes.Length - 22 - ushort.MaxValue); i--)
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes[i..]) == EndOfCentralDirectorySignature) { end = i; break; }
        if (end < 0) throw Damaged(file);
        var count = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(end + 10)..]);
        var directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(end + 16)..]);
        if (count == ushort.MaxValue || directoryOffset == uint.MaxValue)
            throw new RefusedFileException($"{file.Name} is a very large zip (ZIP64), which a return workbook never needs. Save just the return's sheets in a new workbook.");
        if (count > limits.MaxZipEntries)
            throw new RefusedFileException($"{file.Name} has {count} parts inside; a workbook may have at most {limits.MaxZipEntries}. Save just the return's sheets in a new workbook.");
        var entries = new List<CentralEntry>(count);
        var at = (int)Math.Min(directoryOffset, int.MaxValue);
        for (var n = 0; n < count; n++)
        {
            if (at + 46 > end || BinaryPrimitives.ReadUInt32LittleEndian(bytes[at..]) != CentralHeaderSignature) throw Damaged(file);
            var header = bytes[at..];
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header[30..]);
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
            if (at + 46 + nameLength > end) throw Damaged(file);
            var nameBytes = header.Slice(46, nameLength).ToArray();
            var size = BinaryPrimitives.ReadUInt32LittleEndian(header[24..]);
            var compressed = BinaryPrimitives.ReadUInt32LittleEndian(header[20..]);
            var offset = BinaryPrimitives.ReadUInt32LittleEndian(header[42..]);
            if (size == uint.MaxValue || compressed == uint.MaxValue || offset == uint.MaxValue)
                throw new RefusedFileException($"{file.Name} is a very large zip (ZIP64), which a return workbook never needs. Save just the return's sheets in a new workbook.");
            entries.Add(new CentralEntry(Encoding.UTF8.GetString(nameBytes), nameBytes,
                BinaryPrimitives.ReadUInt16LittleEndian(header[8..]), BinaryPrimitives.ReadUInt16LittleEndian(header[10..]),
                BinaryPrimitives.ReadUInt32LittleEndian(header[16..]), compressed, size, offset));
            at += 46 + nameLength + extraLength + commentLength;
        }
        return entries;
    }

    /// <summary>The part's local header must say what the central directory says; returns where its data starts.</summary>
    private static long CheckLocalHeader(SourceFile file, CentralEntry entry)
    {
        var bytes = file.Content.AsSpan();
        if (entry.LocalOffset + 30 > bytes.Length || BinaryPrimitives.ReadUInt32LittleEndian(bytes[(int)entry.LocalOffset..]) != LocalHeaderSignature)
            throw Damaged(file);
        var header = bytes[(int)entry.LocalOffset..];
        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[26..]);
        var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
        if (entry.LocalOffset + 30 + nameLength > bytes.Length) throw Damaged(file);
        var flags = BinaryPrimitives.ReadUInt16LittleEndian(header[6..]);
        var agree = header.Slice(30, nameLength).SequenceEqual(entry.NameBytes)
                    && BinaryPrimitives.ReadUInt16LittleEndian(header[8..]) == entry.Method
                    && (flags & 0x0008) == (entry.Flags & 0x0008);
        // With bit 3 the sizes follow the data (zero here); otherwise they must be the central directory's.
        if (agree && (flags & 0x0008) == 0)
            agree = BinaryPrimitives.ReadUInt32LittleEndian(header[14..]) == entry.Crc
                    && BinaryPrimitives.ReadUInt32LittleEndian(header[18..]) == entry.CompressedSize
                    && BinaryPrimitives.ReadUInt32LittleEndian(header[22..]) == entry.Size;
        if (!agree)
            throw new RefusedFileException($"{file.Name} is not a well-formed workbook: the part {entry.Name} is described two different ways inside the file. It may have been tampered with; it was not opened.");
        return entry.LocalOffset + 30 + nameLength + extraLength;
    }

    /// <summary>The part's bytes, read until they end or pass the size declared (which is within the limit).</summary>
    private static byte[] Inflate(SourceFile file, CentralEntry entry, MemoryStream data)
    {
        if ((entry.Flags & 0x0001) != 0)
            throw new RefusedFileException($"{file.Name} is password-protected. Remove the password and upload it again.");
        Stream source = entry.Method switch
        {
            0 => data,
            8 => new DeflateStream(data, CompressionMode.Decompress),
            _ => throw new RefusedFileException($"{file.Name} uses a kind of compression Excel does not write (in {entry.Name}). Save it again from Excel as .xlsx."),
        };
        var content = new byte[entry.Size];
        long read = 0;
        var crc = new Crc32();
        var spare = new byte[1];
        try
        {
            using (source)
            {
                int n;
                while (read < entry.Size && (n = source.Read(content, (int)read, (int)(entry.Size - read))) > 0)
                {
                    crc.Append(content.AsSpan((int)read, n));
                    read += n;
                }
                // Anything beyond the declared size means the sizes lie: one byte is enough to know.
                if (source.Read(spare, 0, 1) > 0)
                    throw new RefusedFileException($"{file.Name} is not a well-formed workbook: the part {entry.Name} holds more than the file says. It may have been tampered with; it was not opened.");
            }
        }
        catch (InvalidDataException)
        {
            throw Damaged(file);
        }
        if (read != entry.Size || crc.Value != entry.Crc)
            throw Damaged(file);
        return content;
    }

    private static byte[] Repack(Dictionary<string, byte[]> parts)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in parts)
            {
                if (name.EndsWith('/')) continue; // folders hold nothing
                using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                stream.Write(content);
            }
        return output.ToArray();
    }

    /// <summary>XML as text in the encoding its first bytes show: a byte-order mark, or UTF-16 or UTF-32 without one
    /// (the '&lt;' of the prolog with zero bytes beside it), else UTF-8.</summary>
    internal static string XmlText(byte[] content)
    {
        var span = content.AsSpan();
        Encoding encoding = span switch
        {
            [0xEF, 0xBB, 0xBF, ..] => new UTF8Encoding(false),
            [0x00, 0x00, 0xFE, 0xFF, ..] or [0x00, 0x00, 0x00, 0x3C, ..] => new UTF32Encoding(bigEndian: true, byteOrderMark: false),
            [0xFF, 0xFE, 0x00, 0x00, ..] or [0x3C, 0x00, 0x00, 0x00, ..] => new UTF32Encoding(bigEndian: false, byteOrderMark: false),
            [0xFE, 0xFF, ..] or [0x00, 0x3C, ..] => new UnicodeEncoding(bigEndian: true, byteOrderMark: false),
            [0xFF, 0xFE, ..] or [0x3C, 0x00, ..] => new UnicodeEncoding(bigEndian: false, byteOrderMark: false),
            _ => new UTF8Encoding(false),
        };
        return encoding.GetString(content);
    }

    /// <summary>No workbook part has a DOCTYPE or an entity; either anywhere (not only in the prolog) refuses the file,
    /// so no DTD is ever resolved and no entity ever expanded.</summary>
    private static bool HasDocumentTypeDeclaration(string xml) =>
        xml.Replace("\0", "", StringComparison.Ordinal).Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase)
        || xml.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase);

    private static RefusedFileException Damaged(SourceFile file) =>
        new($"{file.Name} is damaged: it could not be read as a workbook. Save it again from Excel, or upload CSV files.");

    private static RefusedFileException TooLarge(SourceFile file, UploadLimits limits) =>
        new($"{file.Name} would be more than {Size(limits.MaxUncompressedBytes)} once opened, which is the limit. Save just the return's sheets in a new workbook.");

    internal static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : $"{Math.Max(1, bytes / 1024)} KB";

    /// <summary>The zip format's CRC-32 (IEEE 802.3), to be sure each part is the one its headers describe.</summary>
    private sealed class Crc32
    {
        private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
        {
            var c = (uint)n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            return c;
        }).ToArray();

        private uint _crc = 0xFFFFFFFF;

        public uint Value => _crc ^ 0xFFFFFFFF;

        public void Append(ReadOnlySpan<byte> data)
        {
            foreach (var b in data) _crc = Table[(_crc ^ b) & 0xFF] ^ (_crc >> 8);
        }
    }
}
