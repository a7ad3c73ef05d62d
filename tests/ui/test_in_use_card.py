"""The "In use" card of a finished kit in the studio (NiceGUI's simulated User): the board first, every mockup as a
thumbnail the API serves as a real PNG, one opened large with its download; after regenerating a section the
drawings' URLs move to the new revision."""

from __future__ import annotations

from nicegui import ui
from nicegui.testing import User

from branding.design.inuse import MOCKUPS
from branding.exports.png import png_size
from tests.ui.test_studio import generate_example


def sources(user: User) -> dict[str, str]:
    return {str(image.props['alt']): str(image.props['src']) for image in user.find(kind=ui.image).elements}


async def test_a_finished_kit_shows_the_board_and_every_mockup_that_open_large(user: User) -> None:
    await generate_example(user)
    await user.should_see(marker='card-in-use')
    with user.scope(marker='card-in-use'):
        shown = sources(user)
        board = user.find(marker='in-use-board').elements.pop()
        zip_link = user.find(marker='in-use-zip').elements.pop()
    board_url = str(board.props['src'])
    response = await user.http_client.get(board_url)
    assert response.status_code == 200 and response.headers['content-type'] == 'image/png'
    assert png_size(response.content) == (1600, 1000)
    for mockup in MOCKUPS.values():
        thumbnail = shown[mockup.title]
        served = await user.http_client.get(thumbnail)
        assert served.status_code == 200 and served.headers['content-type'] == 'image/png', mockup.name
        assert png_size(served.content)[0] == 480
    archive = await user.http_client.get(str(zip_link.props['href']))
    assert archive.status_code == 200 and archive.headers['content-type'] == 'application/zip'

    with user.scope(marker='mockup-instagram-post'):
        user.find(kind=ui.button).click()
    await user.should_see('Instagram post · 1080x1080 px')
    large = str(user.find(marker='in-use-large').elements.pop().props['src'])
    assert 'instagram-post.png' in large and 'thumbnail' not in large
    download = user.find(marker='in-use-download').elements.pop()
    assert str(download.props['download']) == 'instagram-post.png'
    full = await user.http_client.get(large)
    assert png_size(full.content) == (1080, 1080)


async def test_regenerating_a_section_redraws_the_board_and_mockups(user: User) -> None:
    await generate_example(user)
    with user.scope(marker='card-in-use'):
        before = str(user.find(marker='in-use-board').elements.pop().props['src'])
    old = await user.http_client.get(before)
    user.find(marker='regenerate-taglines').click()
    await user.should_see('New taglines ready', retries=50)
    with user.scope(marker='card-in-use'):
        after = str(user.find(marker='in-use-board').elements.pop().props['src'])
    assert after != before, 'the drawings of the new revision'
    new = await user.http_client.get(after)
    assert new.status_code == 200 and new.content != old.content, 'the board shows the new tagline'
