using System.Text;

namespace DealLens.Tests.TestSupport;

/// <summary>An RFC 4180 reader for the tests: quoted fields, doubled quotes, line breaks inside quotes, CRLF records.</summary>
public static class CsvReader
{
    public static IReadOnlyList<IReadOnlyList<string>> Records(string csv)
    {
        var records = new List<IReadOnlyList<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var ch = csv[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                Assert.False(ch is '"' or '\r' or '\n', $"unquoted {(int)ch} at {i}");
                field.Append(ch);
            }
        }

        Assert.False(quoted, "unterminated quoted field");
        Assert.True(field.Length == 0 && record.Count == 0, "the last record has no CRLF");
        return records;
    }

    /// <summary>Records as dictionaries by header name; every record must have the header's field count.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Parse(string csv)
    {
        var records = Records(csv);
        var header = records[0];
        return records.Skip(1).Select(r =>
        {
            Assert.Equal(header.Count, r.Count);
            return (IReadOnlyDictionary<string, string>)header.Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        }).ToList();
    }
}
