using System.Buffers.Binary;
using System.Text;

namespace DealLens.Core.Clauses.Learning;

/// <summary>
/// Reads a checksummed payload written by <see cref="BinaryWriter"/> straight from its bytes, with the same results and
/// the same exceptions as <see cref="BinaryReader"/> (end of data: <see cref="EndOfStreamException"/>; a bad 7-bit
/// integer: <see cref="FormatException"/>). A BinaryReader over a MemoryStream costs a call through the stream per
/// value; the model and the token vectors hold millions of values, and they are read before every first document.
/// </summary>
internal ref struct PayloadReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _position;

    public readonly int Remaining => _bytes.Length - _position;

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw new EndOfStreamException("Unable to read beyond the end of the stream.");
        }

        var slice = _bytes.Slice(_position, count);
        _position += count;
        return slice;
    }

    public byte ReadByte() => ReadBytes(1)[0];

    public sbyte ReadSByte() => (sbyte)ReadBytes(1)[0];

    public bool ReadBoolean() => ReadBytes(1)[0] != 0;

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(ReadBytes(2));

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(ReadBytes(8));

    public float ReadSingle() => BinaryPrimitives.ReadSingleLittleEndian(ReadBytes(4));

    /// <summary>As <see cref="BinaryReader.Read7BitEncodedInt"/>: at most five bytes, the fifth using only its low four bits.</summary>
    public int Read7BitEncodedInt()
    {
        uint result = 0;
        for (var shift = 0; shift < 28; shift += 7)
        {
            var b = ReadByte();
            result |= (uint)(b & 0x7F) << shift;
            if (b <= 0x7F)
            {
                return (int)result;
            }
        }

        var last = ReadByte();
        if (last > 0b_1111)
        {
            throw new FormatException("Too many bytes in what should have been a 7-bit encoded integer.");
        }

        return (int)(result | ((uint)last << 28));
    }

    /// <summary>As <see cref="BinaryReader.ReadString"/> with UTF-8: a 7-bit encoded byte length, then the bytes.</summary>
    public string ReadString()
    {
        var length = Read7BitEncodedInt();
        if (length < 0)
        {
            throw new IOException($"BinaryReader encountered an invalid string length of {length} characters.");
        }

        return length == 0 ? "" : Encoding.UTF8.GetString(ReadBytes(length));
    }
}
