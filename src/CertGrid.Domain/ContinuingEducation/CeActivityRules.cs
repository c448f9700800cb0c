using CertGrid.Domain.Errors;
namespace CertGrid.Domain.ContinuingEducation;

/// <summary>The checks an activity passes before it lands in a ledger.</summary>
public static class CeActivityRules
{
    /// <summary>Activities older than this cannot be reported (no cycle is that long).</summary>
    public const int MaxAgeDays = 3660;

    /// <summary>How many activities one ledger holds (about a hundred a year for thirty years).</summary>
    public const int MaxActivities = 3000;

    public static CeActivityInput Validate(CeActivityInput input, DateOnly today, string field = "input")
    {
        if (!Enum.IsDefined(input.Kind))
        {
            throw CertGridException.Invalid($"{field}.kind", $"'{field}.kind' is not a known activity kind.");
        }

        var title = InputRules.RequireText(input.Title, $"{field}.title");
        var credits = CeCredits.Require(input.Credits, $"{field}.credits", max: 100m);
        var category = CeCategory.Normalize(input.Category, $"{field}.category");
        if (input.OccurredOn > today)
        {
            throw CertGridException.Invalid($"{field}.occurredOn", $"'{field}.occurredOn' is in the future; record an activity once it has happened.");
        }

        if (input.OccurredOn < today.AddDays(-MaxAgeDays))
        {
            throw CertGridException.Invalid($"{field}.occurredOn", $"'{field}.occurredOn' is more than {MaxAgeDays} days ago.");
        }

        return input with { Title = title, Credits = credits, Category = category };
    }
}
