using System.Text;
using CertGrid.Domain.Onboarding;

namespace CertGrid.Domain.Tests.Onboarding;

public class ImportRosterTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Evaluators_carry_expertise_languages_and_capacity_and_each_bad_cell_names_its_column()
    {
        var roster = EvaluatorRoster.Parse(Bytes(
            "name,email,organisation,expertise,languages,capacity\n" +
            "Ada Lovelace,ADA@example.org,Engines Ltd,SEC-1|OPS-2,en|fr,5\n" +
            "Bob,bob@example.org,,SEC 1,e1,0\n" +
            "Carol,ada@example.org,,,,\n" +
            "Dan,dan@example.org,,,,\n"), ImportFormat.Csv);
        Assert.Equal(
            [new EvaluatorImportRow(2, "Ada Lovelace", "ada@example.org", "Engines Ltd", ["SEC-1", "OPS-2"], ["en", "fr"], 5)],
            roster.Rows.Take(1).ToList(), new RowComparer());
        Assert.Equal(0, roster.Rows[1].MaxActiveAssignments);
        Assert.Equal([(3L, "expertise"), (3L, "languages"), (3L, "capacity"), (4L, "email")], roster.Errors.Select(e => (e.Line, e.Column)));
        Assert.Contains("line 2", roster.Errors[3].Problem);
    }

    [Fact]
    public void Json_lines_evaluators_may_list_expertise_as_an_array()
    {
        var roster = EvaluatorRoster.Parse(Bytes("{\"name\":\"Ada\",\"email\":\"ada@example.org\",\"expertise\":[\"SEC-1\",\"OPS-2\"],\"capacity\":3}\n"), ImportFormat.JsonLines);
        var row = Assert.Single(roster.Rows);
        Assert.Equal(["SEC-1", "OPS-2"], row.Expertise);
        Assert.Equal(3, row.MaxActiveAssignments);
    }

    [Fact]
    public void Cohort_memberships_take_a_learner_by_email_or_id_and_refuse_a_pair_twice()
    {
        var roster = CohortMembershipRoster.Parse(Bytes(
            "cohort,learner\ncoh_abcdefgh12,Ada@Example.org\ncoh_abcdefgh12,lrn_abcdefgh12\nnot-a-cohort,bob@example.org\ncoh_abcdefgh12,ada@example.org\ncoh_abcdefgh12,nobody\n"), ImportFormat.Csv);
        Assert.Equal([("ada@example.org", null), (null, "lrn_abcdefgh12")], roster.Rows.Select(r => (r.LearnerEmail, r.LearnerId)));
        Assert.Equal([(4L, "cohort"), (5L, "learner"), (6L, "learner")], roster.Errors.Select(e => (e.Line, e.Column)));
    }

    [Fact]
    public void Holders_need_a_day_written_year_month_day_not_in_the_future_and_each_credential_once()
    {
        var roster = HolderRoster.Parse(Bytes(
            "email,credential,earnedOn,externalId\n" +
            "ada@example.org,def_abcdefgh12,2024-05-31,OLD-1\n" +
            "bob@example.org,def_abcdefgh12,31/05/2024,OLD-2\n" +
            "bob@example.org,def_abcdefgh12,2027-01-01,OLD-3\n" +
            "carol@example.org,def_abcdefgh12,2023-01-01,OLD-1\n" +
            "dan@example.org,def_abcdefgh12,2023-01-01,\n" +
            "dan@example.org,def_abcdefgh12,2023-01-01,\n" +
            "erin@example.org,Foundations,2023-01-01,\n"), ImportFormat.Csv, Today);
        Assert.Equal(["external:OLD-1", "dan@example.org|def_abcdefgh12|2023-01-01"], roster.Rows.Select(r => r.RowKey));
        Assert.Equal([(3L, "earnedOn"), (4L, "earnedOn"), (5L, "externalId"), (7L, "email"), (8L, "credential")], roster.Errors.Select(e => (e.Line, e.Column)));
        Assert.Contains("future", roster.Errors[1].Problem);
        Assert.All(roster.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Accepted)));
    }

    [Fact]
    public void A_file_of_the_wrong_kind_is_refused_by_its_header()
    {
        var roster = HolderRoster.Parse(Bytes("name,email\nAda,ada@example.org\n"), ImportFormat.Csv, Today);
        Assert.Equal(["credential", "earnedOn"], roster.Errors.Select(e => e.Column));
        Assert.Empty(roster.Rows);
    }

    private sealed class RowComparer : IEqualityComparer<EvaluatorImportRow>
    {
        public bool Equals(EvaluatorImportRow? x, EvaluatorImportRow? y) =>
            x is not null && y is not null && x with { Expertise = [], Languages = [] } == y with { Expertise = [], Languages = [] }
            && x.Expertise.SequenceEqual(y.Expertise) && x.Languages.SequenceEqual(y.Languages);

        public int GetHashCode(EvaluatorImportRow obj) => obj.Email.GetHashCode(StringComparison.Ordinal);
    }
}
