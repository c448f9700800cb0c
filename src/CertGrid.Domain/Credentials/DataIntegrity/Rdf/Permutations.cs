namespace CertGrid.Domain.Credentials.DataIntegrity.Rdf;

/// <summary>Every ordering of a list (Heap's algorithm), each yielded as a fresh array.</summary>
public static class Permutations
{
    public static IEnumerable<string[]> Of(IReadOnlyList<string> items)
    {
        var current = items.ToArray();
        var counters = new int[current.Length];
        yield return [.. current];
        var i = 1;
        while (i < current.Length)
        {
            if (counters[i] < i)
            {
                var swapWith = i % 2 == 0 ? 0 : counters[i];
                (current[swapWith], current[i]) = (current[i], current[swapWith]);
                yield return [.. current];
                counters[i]++;
                i = 1;
            }
            else
            {
                counters[i] = 0;
                i++;
            }
        }
    }
}
