/** Opening the files a person names: the checks every reader (file, scenario, session, lesson, script) shares. */
package memscope.model.io;
