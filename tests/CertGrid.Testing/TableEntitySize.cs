using Azure.Data.Tables;

namespace CertGrid.Testing;

/// <summary>
/// The size Azure Table storage bills an entity at: 4 bytes, plus 2 per character of partition and row key, plus
/// for each property 8 bytes, 2 per character of its name, and its value (strings 4 + 2 per character, binary 4 +
/// its length, 8 for dates, longs and doubles, 4 for ints, 1 for booleans, 16 for GUIDs). Timestamp counts as a date.
/// </summary>
public static class TableEntitySize
{
    public static long Of(TableEntity entity)
    {
        long size = 4 + (2L * (entity.PartitionKey.Length + entity.RowKey.Length));
        foreach (var (name, value) in entity)
        {
            if (name is "PartitionKey" or "RowKey" or "odata.etag")
            {
                continue;
            }

            size += 8 + (2L * name.Length) + value switch
            {
                string text => 4 + (2L * text.Length),
                byte[] bytes => 4 + bytes.Length,
                BinaryData data => 4 + data.ToMemory().Length,
                DateTimeOffset or DateTime or long or double => 8,
                int => 4,
                bool => 1,
                Guid => 16,
                _ => 8,
            };
        }

        return size;
    }
}
