namespace CertGrid.Domain.Tests.Errors;

public class InputRulesTests
{
    private static CertGridException Invalid(Action action, string field)
    {
        var error = Assert.Throws<CertGridException>(action);
        Assert.Equal(ErrorCode.ValidationFailed, error.Code);
        Assert.Equal(field, error.Field);
        return error;
    }

    [Fact]
    public void RequireText_refuses_exactly_the_control_characters_but_tab_line_feed_and_carriage_return_anywhere_in_the_text()
    {
        for (var c = char.MinValue; c < '\uD800'; c++)
        {
            var forbidden = char.IsControl(c) && c is not ('\n' or '\r' or '\t');
            foreach (var text in new[] { $"a{c}b", $"{new string('x', 300)}{c}{new string('y', 41)}" })
            {
                var refused = Record.Exception(() => InputRules.RequireText(text, "text", 1000));
                Assert.True(forbidden == refused is not null, $"U+{(int)c:X4}: expected {(forbidden ? "refused" : "accepted")}");
            }
        }
    }

    [Fact]
    public void A_lone_surrogate_is_found_wherever_it_is_and_pairs_are_not()
    {
        var padding = new string('x', 200);
        Assert.False(InputRules.HasLoneSurrogate(padding + "\uD83D\uDE00" + padding));
        Assert.True(InputRules.HasLoneSurrogate(padding + "\uD83D" + padding));
        Assert.True(InputRules.HasLoneSurrogate(padding + "\uDE00\uD83D"));
        Assert.True(InputRules.HasLoneSurrogate(padding + "\uD83D\uDE00\uDE00"));
        Assert.True(InputRules.HasLoneSurrogate("\uD83D"));
        Assert.False(InputRules.HasLoneSurrogate(string.Empty));
    }

    [Fact]
    public void RequireText_trims()
    {
        Assert.Equal("Ada Lovelace", InputRules.RequireText("  Ada Lovelace \t\n", "name"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void RequireText_requires_something_besides_whitespace(string? value)
    {
        var error = Invalid(() => InputRules.RequireText(value, "input.name"), "input.name");

        Assert.Equal("'input.name' is required.", error.Message);
    }

    [Fact]
    public void RequireText_enforces_a_minimum_length_after_trimming()
    {
        var error = Invalid(() => InputRules.RequireText("  ab  ", "code", minLength: 3), "code");

        Assert.Equal("'code' must be at least 3 characters.", error.Message);
        Assert.Equal("abc", InputRules.RequireText(" abc ", "code", minLength: 3));
    }

    [Fact]
    public void RequireText_enforces_the_maximum_length_after_trimming()
    {
        var longest = new string('n', InputRules.NameMaxLength);

        Assert.Equal(longest, InputRules.RequireText($"   {longest}   ", "name"));
        var error = Invalid(() => InputRules.RequireText(longest + "n", "name"), "name");
        Assert.Equal("'name' must be at most 200 characters (it has 201).", error.Message);
    }

    [Fact]
    public void RequireText_uses_the_given_maximum()
    {
        var error = Invalid(() => InputRules.RequireText("abcdef", "tag", maxLength: 5), "tag");

        Assert.Equal("'tag' must be at most 5 characters (it has 6).", error.Message);
    }

    [Theory]
    [InlineData("bell\u0007")]
    [InlineData("nul\0byte")]
    [InlineData("\u001b[31mred")]
    [InlineData("delete\u007f")]
    [InlineData("next\u0085line")]
    public void RequireText_rejects_control_characters(string value)
    {
        var error = Invalid(() => InputRules.RequireText(value, "name"), "name");

        Assert.Equal("'name' contains control characters.", error.Message);
    }

    [Fact]
    public void RequireText_allows_newlines_tabs_and_carriage_returns_inside_the_text()
    {
        Assert.Equal("line one\r\nline two\tcolumn", InputRules.RequireText("line one\r\nline two\tcolumn", "note", InputRules.NoteMaxLength));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public void OptionalText_turns_blank_into_null(string? value)
    {
        Assert.Null(InputRules.OptionalText(value, "description"));
    }

    [Fact]
    public void OptionalText_trims_and_checks_what_is_there()
    {
        Assert.Equal("Some words", InputRules.OptionalText("  Some words ", "description"));
        Assert.Equal(InputRules.DescriptionMaxLength, InputRules.OptionalText(new string('d', InputRules.DescriptionMaxLength), "description")!.Length);
        Invalid(() => InputRules.OptionalText(new string('d', InputRules.DescriptionMaxLength + 1), "description"), "description");
        Invalid(() => InputRules.OptionalText("tab\tok but bell\u0007 not", "description"), "description");
    }

    [Theory]
    [InlineData("ada@example.org", "ada@example.org")]
    [InlineData("  Ada.Lovelace@Example.ORG ", "ada.lovelace@example.org")]
    [InlineData("ADA+certs@sub.example.co.uk", "ada+certs@sub.example.co.uk")]
    public void RequireEmail_normalises_to_trimmed_lower_case(string value, string expected)
    {
        Assert.Equal(expected, InputRules.RequireEmail(value, "email"));
    }

    [Theory]
    [InlineData("ada")]
    [InlineData("ada@")]
    [InlineData("@example.org")]
    [InlineData("ada@example")]
    [InlineData("ada lovelace@example.org")]
    [InlineData("ada@@example.org")]
    [InlineData("ada@exa mple.org")]
    public void RequireEmail_rejects_what_is_not_an_address(string value)
    {
        var error = Invalid(() => InputRules.RequireEmail(value, "input.email"), "input.email");

        Assert.Equal("'input.email' is not an email address.", error.Message);
    }

    [Fact]
    public void RequireEmail_requires_a_value_and_limits_it_to_254_characters()
    {
        Invalid(() => InputRules.RequireEmail(null, "email"), "email");
        var local = new string('a', 64);
        var fits = local + "@" + new string('b', 254 - 64 - 1 - 4) + ".org";
        Assert.Equal(254, InputRules.RequireEmail(fits, "email").Length);
        var error = Invalid(() => InputRules.RequireEmail("c" + fits, "email"), "email");
        Assert.Contains("at most 254 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireEmail_accepts_and_lowercases_random_addresses()
    {
        var faker = new Faker { Random = new Randomizer(25) };
        for (var i = 0; i < 300; i++)
        {
            var email = faker.Internet.Email(faker.Name.FirstName(), faker.Name.LastName());
            var shouted = Rubrics.Sloppy(faker, email);

            Assert.Equal(email.ToLowerInvariant(), InputRules.RequireEmail(shouted, "email"));
        }
    }

    [Theory]
    [InlineData("https://acme.example/about", "https://acme.example/about")]
    [InlineData("  http://localhost:8080/x?y=1  ", "http://localhost:8080/x?y=1")]
    [InlineData("HTTPS://ACME.EXAMPLE", "https://acme.example/")]
    public void OptionalHttpsUrl_accepts_absolute_http_and_https_urls(string value, string expected)
    {
        Assert.Equal(new Uri(expected), InputRules.OptionalHttpsUrl(value, "url"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void OptionalHttpsUrl_turns_blank_into_null(string? value)
    {
        Assert.Null(InputRules.OptionalHttpsUrl(value, "url"));
    }

    [Theory]
    [InlineData("acme.example")]
    [InlineData("/relative/path")]
    [InlineData("ftp://acme.example/file")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("mailto:ada@example.org")]
    [InlineData("not a url")]
    public void OptionalHttpsUrl_rejects_anything_else(string value)
    {
        var error = Invalid(() => InputRules.OptionalHttpsUrl(value, "input.url"), "input.url");

        Assert.Equal("'input.url' must be an absolute http(s) URL.", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(10)]
    public void RequireRange_returns_values_within_bounds(int value)
    {
        Assert.Equal(value, InputRules.RequireRange(value, "n", 1, 10));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(int.MinValue)]
    public void RequireRange_rejects_values_outside_bounds(int value)
    {
        var error = Invalid(() => InputRules.RequireRange(value, "n", 1, 10), "n");

        Assert.Equal($"'n' must be between 1 and 10 (it is {value}).", error.Message);
    }

    [Fact]
    public void RequireCount_describes_a_range()
    {
        var error = Invalid(() => InputRules.RequireCount(new[] { 1, 2, 3, 4 }, "items", 1, 3), "items");

        Assert.Equal("'items' must have between 1 and 3 items (it has 4).", error.Message);
    }

    [Fact]
    public void RequireCount_describes_an_exact_count()
    {
        var error = Invalid(() => InputRules.RequireCount(new[] { "a" }, "reviewers", 2, 2), "reviewers");

        Assert.Equal("'reviewers' must have exactly 2 item(s) (it has 1).", error.Message);
    }

    [Fact]
    public void RequireCount_treats_a_missing_list_as_empty()
    {
        var error = Invalid(() => InputRules.RequireCount<string>(null, "items", 1, 3), "items");

        Assert.Contains("(it has 0)", error.Message, StringComparison.Ordinal);
        Assert.Empty(InputRules.RequireCount<string>(null, "items", 0, 3));
    }

    [Fact]
    public void RequireCount_returns_the_same_list_when_it_fits()
    {
        int[] items = [1, 2, 3];

        Assert.Same(items, InputRules.RequireCount(items, "items", 3, 3));
    }

    [Fact]
    public void RequireUnique_names_the_first_repeated_item()
    {
        var error = Invalid(() => InputRules.RequireUnique(["a", "b", "c", "b", "a"], "tags"), "tags");

        Assert.Equal("'tags' lists 'b' more than once.", error.Message);
    }

    [Fact]
    public void RequireUnique_accepts_distinct_items_and_compares_exactly()
    {
        InputRules.RequireUnique(["a", "A", "a ", "b"], "tags");
        InputRules.RequireUnique(Array.Empty<int>(), "numbers");
        Invalid(() => InputRules.RequireUnique([3, 1, 3], "numbers"), "numbers");
    }

    [Fact]
    public void RequireCount_refuses_a_null_item_naming_its_index()
    {
        var error = Invalid(() => InputRules.RequireCount(new string?[] { "a", null }, "input.scopes", 0, 5), "input.scopes[1]");

        Assert.Contains("is null", error.Message);
    }

    [Theory]
    [InlineData("x\\ud83dy", true)]
    [InlineData("x\\ude00", true)]
    [InlineData("\\ude00\\ud83d", true)]
    [InlineData("x\\ud83d\\ude00y", false)]
    [InlineData("plain text", false)]
    public void Half_of_a_surrogate_pair_is_not_text(string escaped, bool lone) // escaped: test data cannot carry a lone surrogate
    {
        var text = System.Text.RegularExpressions.Regex.Unescape(escaped);

        Assert.Equal(lone, InputRules.HasLoneSurrogate(text));
        if (lone)
        {
            Invalid(() => InputRules.RequireText(text, "input.name"), "input.name");
        }
    }
}
