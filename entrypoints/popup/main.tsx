import { render } from 'preact';

render(<p>Masthead</p>, document.getElementById('app')!);
