using IgfLive.Core.Programme;

namespace IgfLive.Core.Tests.Programme;

public sealed class PersonNamesTests
{
    [Theory]
    [InlineData("Dr. María  Pérez", "maria perez")]
    [InlineData("H.E. Ms. Amina Diallo", "amina diallo")]
    [InlineData("PROF. Jürgen Müller-Lüdenscheidt", "jurgen muller ludenscheidt")]
    [InlineData("Nguyễn Thị Minh", "nguyen thi minh")]
    [InlineData("Dr.", "")]
    public void NamesFoldToOneFormIgnoringCaseAccentsSpacingAndTitles(string name, string folded) =>
        Assert.Equal(folded, PersonNames.Fold(name));

    [Fact]
    public void DifferentPeopleStayDifferent() =>
        Assert.NotEqual(PersonNames.Fold("Ana Silva"), PersonNames.Fold("Ana Silvestre"));
}
