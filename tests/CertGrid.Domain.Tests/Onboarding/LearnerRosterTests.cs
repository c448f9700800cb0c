using System.Text;
using CertGrid.Domain.Onboarding;
using CertGrid.Domain.Tenancy;

namespace CertGrid.Domain.Tests.Onboarding;

public class LearnerRosterTests
{
    private static ParsedImport<LearnerImportRow> Csv(string text) => LearnerRoster.Parse(Encoding.UTF8.GetBytes(text), ImportFormat.Csv);

    [Fact]
    public void Columns_are_found_by_name_in_any_case_and_order_and_emails_are_lower_cased()
    {
        var roster = Csv("Email;ORGANISATION;Name\r\nAda@Example.org;Analytical Engines; Ada Lovelace \r\n");
        var row = Assert.Single(roster.Rows);
        Assert.True(roster.IsClean);
        Assert.Equal(new LearnerImportRow(2, "Ada Lovelace", "ada@example.org", "Analytical Engines"), row);
    }

    [Fact]
    public void Every_bad_row_is_an_error_with_its_line_column_and_what_is_accepted_and_good_rows_are_kept()
    {
        var roster = Csv("name,email\n\"Grace, Hopper\",grace@example.org\nNo Email,\n,nameless@example.org\nTwin,GRACE@example.org\n\nLast,last@example.org\n");
        Assert.Equal(["grace@example.org", "last@example.org"], roster.Rows.Select(r => r.Email));
        Assert.Equal([(3L, "email"), (4L, "name"), (5L, "email")], roster.Errors.Select(e => (e.Line, e.Column)));
        Assert.Contains("line 2", roster.Errors[2].Problem);
        Assert.All(roster.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Accepted)));
        Assert.Equal(3, roster.ErrorCount);
    }

    [Fact]
    public void A_file_without_the_required_columns_or_with_broken_quoting_is_refused_whole()
    {
        Assert.Equal("email", Assert.Single(Csv("name,mail\nAda,ada@example.org\n").Errors).Column);
        var broken = Csv("name,email\nAda,ada@example.org\n\"Unclosed,bob@example.org\n");
        Assert.False(broken.IsClean);
        Assert.Contains("quoting", broken.Errors[^1].Problem);
    }

    [Fact]
    public void Json_lines_name_their_lines_and_skip_blank_ones()
    {
        var roster = LearnerRoster.Parse(Encoding.UTF8.GetBytes("{\"name\":\"Ada\",\"email\":\"ada@example.org\"}\n\n{oops\n[1]\n{\"name\":\"Bob\",\"email\":\"bob\"}\n"), ImportFormat.JsonLines);
        Assert.Single(roster.Rows);
        Assert.Equal([3L, 4L, 5L], roster.Errors.Select(e => e.Line));
        Assert.Equal(ImportFormat.JsonLines, ImportFileReader.FormatOf("members.JSONL"));
    }

    [Fact]
    public void An_imported_learner_id_is_stable_per_import_and_email()
    {
        var id = ImportedId.For(IdPrefixes.Learner, "imp_a", "ada@example.org");
        Assert.True(EntityId.IsValid(id, IdPrefixes.Learner));
        Assert.Equal(id, ImportedId.For(IdPrefixes.Learner, "imp_a", "ada@example.org"));
        Assert.NotEqual(id, ImportedId.For(IdPrefixes.Learner, "imp_b", "ada@example.org"));
    }
}
